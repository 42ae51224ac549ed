import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { textToBlocks } from '../../../shared/import';
import { DEFAULT_PARTNERS, PARTNER_TYPES, defaultPartners } from '../../../shared/partners/defaultPartners';
import { normalisePartnerCode } from '../../../shared/partners/normalise';

describe('default partner directory', () => {
  it('has the codes used in the seed JSNA, with their names, types and successors', () => {
    expect(DEFAULT_PARTNERS.map((p) => [p.code, p.name, p.type, p.successor])).toEqual([
      ['LA', 'Local authority (city council)', 'local-authority', null],
      ['CCG', 'Clinical Commissioning Group', 'ccg', 'ICB'],
      ['ICB', 'Integrated Care Board', 'icb', null],
      ['UHL', 'University Hospitals of Leicester NHS Trust', 'nhs-trust', null],
      ['NHSE', 'NHS England', 'nhs-england', null],
      ['NHS', 'NHS organisations (general)', 'other', null],
      ['LPT', 'Leicestershire Partnership NHS Trust', 'nhs-trust', null],
      ['YOS', 'Youth Offending Service', 'youth-justice', null],
      ['YOM', 'Youth Offending Management', 'youth-justice', null],
      ['HWB', 'Health and Wellbeing Board', 'board', null],
      ['CTB', "Children's Trust Board", 'board', null],
      ['LLRHP', 'Leicester, Leicestershire and Rutland Health Protection Board', 'board', null],
      ['LSCB', 'Local Safeguarding Children Board', 'board', null],
      ['Police', 'Police', 'police', null],
      ['other partners', 'Other partners', 'other', null],
    ]);
  });

  it('has unique codes (ignoring case), known types, and successors that are in the directory', () => {
    const codes = DEFAULT_PARTNERS.map((p) => p.code.toLowerCase());
    expect(new Set(codes).size).toBe(codes.length);
    for (const p of DEFAULT_PARTNERS) {
      expect(PARTNER_TYPES).toContain(p.type);
      expect(p.code).toBe(p.code.trim());
      if (p.successor !== null) expect(DEFAULT_PARTNERS.map((q) => q.code)).toContain(p.successor);
    }
  });

  it('knows every partner code the seed tags with', () => {
    const raw = readFileSync(join(__dirname, '..', '..', 'fixtures', 'seeds', '000_leicester_cyp_recommendations.txt'), 'utf8');
    const used = textToBlocks(raw, {}).flatMap((b) => (b.kind === 'recommendation' ? b.partners : []));
    expect(new Set(used)).toEqual(new Set(['HWB', 'CTB', 'CCG', 'UHL', 'LA', 'LPT', 'LLRHP', 'NHSE', 'NHS', 'YOS', 'Police', 'other partners', 'YOM', 'LSCB']));
    for (const code of used) expect(normalisePartnerCode(code, DEFAULT_PARTNERS)).toEqual({ code, known: true });
  });

  it('gives each new project its own copy', () => {
    const mine = defaultPartners();
    expect(mine).toEqual(DEFAULT_PARTNERS);
    mine[0]!.name = 'Leicester City Council';
    mine.push({ code: 'X', name: 'X', type: 'other', successor: null });
    expect(DEFAULT_PARTNERS[0]!.name).toBe('Local authority (city council)');
    expect(defaultPartners()).toHaveLength(15);
    expect(Object.isFrozen(DEFAULT_PARTNERS)).toBe(true);
    expect(Object.isFrozen(DEFAULT_PARTNERS[0])).toBe(true);
  });
});
