import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { textToBlocks, type Block } from '../../../shared/import';

const SEED = join(__dirname, '..', '..', 'fixtures', 'seeds', '000_leicester_cyp_recommendations.txt');
const raw = readFileSync(SEED, 'utf8');

/** The tagged recommendations of the Leicester CYP JSNA chapter, in order: section, opening words, partners as written. */
const EXPECTED: [section: string, opening: string, partners: string[]][] = [
  ['Recommendations', 'Partners in the city, including the Health and Well-being Board', ['HWB', 'CTB']],
  ['0 to 19 year old children', 'Take action to reduce infant mortality', ['CCG', 'UHL', 'LA']],
  ['0 to 19 year old children', 'Routine antenatal visits', ['CCG', 'UHL', 'LA']],
  ['0 to 19 year old children', 'Breastfeeding initiatives', ['LA', 'UHL', 'LPT']],
  ['0 to 19 year old children', 'Maintaining high coverage of immunisation', ['LLRHP', 'NHSE']],
  ['0 to 19 year old children', 'Intelligence from the National Child Measurement Programme', ['LA']],
  ['0 to 19 year old children', 'Increase the uptake of funded early year\u2019s education', ['LA']],
  ['0 to 19 year old children', 'Continue to reduce the incidence of poor oral health', ['LA', 'NHSE']],
  ['0 to 19 year old children', 'Determine ways to increase the school readiness', ['LA', 'NHS']],
  ['Mental health', 'Ensure the integrated approach between mental health services', ['NHS', 'YOS', 'LA']],
  ['Mental health', 'Ensure that the results of the local Children\u2019s Survey', ['LA', 'NHS', 'HWB']],
  ['Mental health', 'Promote resilience to mental illness in schools', ['LA', 'NHS']],
  ['Looked-after children', 'Commissioners of health services', ['CCG', 'LPT']],
  ['Looked-after children', 'Accelerate the work with the Youth Offending Service', ['YOS', 'LA', 'Police']],
  ['Looked-after children', 'Continue work through the Local Children Safeguarding Board', ['LA', 'NHS', 'other partners']],
  ['Youth offending', 'In line with the Full Joint Inspection\u2019s recommendation', ['YOM']],
  ['Youth offending', 'Improve the multi-agency Health and Social Care pathways', ['YOS', 'YOM', 'NHS']],
  ['Youth offending', 'Provide a more streamlined approach to client care', ['YOM', 'YOS', 'other partners']],
  ['Female Genital Mutilation', 'Increase community engagement on FGM', ['LA', 'CTB', 'LSCB']],
  ['Female Genital Mutilation', 'Ensure that the care of FGM victims', ['LA', 'NHS']],
  ['Female Genital Mutilation', 'Promote training on the risk factors and signs of FGM', ['LA', 'NHS']],
  ['Female Genital Mutilation', 'Continue the monitoring and auditing of compliance', ['LA', 'LSCB', 'NHS']],
];

const HEADINGS = [
  'Skip to content', // the web page's skip link, captured with the text
  'Recommendations',
  '0 to 19 year old children',
  '20 to 24 year old young people',
  'Mental health',
  'Looked-after children',
  'Youth offending',
  'Female Genital Mutilation',
  'Child sexual exploitation',
  'Gypsies and Travellers',
];

/** Untagged paragraphs, by section and opening words. */
const UNTAGGED: [section: string, opening: string][] = [
  ['Recommendations', 'CYP JSNA Recommendations for each of the subjects previously covered.'],
  ['0 to 19 year old children', 'Schools, colleges, the local authority and health services'],
  ['20 to 24 year old young people', 'The circumstances and economic and emotional pressures'],
  ['20 to 24 year old young people', 'In light of the automatic housing benefits'],
  ['20 to 24 year old young people', 'A specific needs assessment is needed'],
  ['Child sexual exploitation', 'The use of CSE assessment tools'],
  ['Child sexual exploitation', 'Improve communication between agencies'],
  ['Child sexual exploitation', 'The CSE Hub should continue'],
  ['Gypsies and Travellers', 'Health and social services should continue'],
  ['Gypsies and Travellers', 'More understanding and flexibility'],
];

/** Each non-heading block with the text of the nearest heading above it. */
function withSections(blocks: Block[]): { section: string | null; block: Block }[] {
  let section: string | null = null;
  const out: { section: string | null; block: Block }[] = [];
  for (const block of blocks) {
    if (block.kind === 'heading') section = block.text;
    else out.push({ section, block });
  }
  return out;
}

describe('textToBlocks on the Leicester CYP JSNA recommendations chapter (seed 000)', () => {
  it('reads the fixture copy of the seed, unchanged', () => {
    expect(createHash('sha256').update(readFileSync(SEED)).digest('hex')).toBe('ff64b9125cb5ba8efd1ebf3679c7e555e4f46591b27e071436bcd932341d51c2');
  });

  const blocks = textToBlocks(raw, {});
  const placed = withSections(blocks);
  const recommendations = placed.filter((p) => p.block.kind === 'recommendation');

  it('finds exactly the 22 tagged recommendations, each with its partners as written and under its section', () => {
    expect(recommendations).toHaveLength(22);
    expect(recommendations.map((r) => (r.block.kind === 'recommendation' ? r.block.partners : null))).toEqual(EXPECTED.map((e) => e[2]));
    expect(recommendations.map((r) => r.section)).toEqual(EXPECTED.map((e) => e[0]));
    recommendations.forEach((r, i) => {
      expect(r.block.text.startsWith(EXPECTED[i]![1]), `recommendation ${i + 1}: ${r.block.text}`).toBe(true);
    });
  });

  it('counts one recommendation per tag in the source', () => {
    expect(raw.match(/\[[A-Za-z /]+\]/g)).toHaveLength(22);
  });

  it('strips the tag and keeps each sentence as written, including its own final punctuation or lack of it', () => {
    for (const r of recommendations) expect(r.block.text).not.toMatch(/[[\]]/);
    const texts = recommendations.map((r) => r.block.text);
    expect(texts[1]).toBe(
      'Take action to reduce infant mortality and low birth weight, particularly in the most deprived parts of the city, by continuing to improve early access to high quality universal maternity services including the number of women booking into maternity care by 12 weeks of pregnancy.',
    );
    expect(texts[7]).toBe(
      'Continue to reduce the incidence of poor oral health and reduce the number of children who required tooth extractions under general anaesthetic in Leicester, by expanding the uptake of fluoride varnish application and through the city\u2019s Healthy Teeth, Happy Smiles programme',
    );
    expect(texts[20]).toBe('Promote training on the risk factors and signs of FGM to health, social care and education');
  });

  it('makes the section titles headings, in order', () => {
    const headings = blocks.filter((b) => b.kind === 'heading');
    expect(headings.map((h) => h.text)).toEqual(HEADINGS);
    expect(headings.every((h) => h.kind === 'heading' && h.level === 2)).toBe(true);
  });

  it('keeps the untagged paragraphs as paragraphs, under their sections', () => {
    const paragraphs = placed.filter((p) => p.block.kind === 'paragraph');
    expect(paragraphs.map((p) => p.section)).toEqual(UNTAGGED.map((u) => u[0]));
    paragraphs.forEach((p, i) => expect(p.block.text.startsWith(UNTAGGED[i]![1]), p.block.text).toBe(true));
    expect(blocks).toHaveLength(HEADINGS.length + 22 + UNTAGGED.length);
  });

  it('with allRecommendations, makes every paragraph a recommendation and leaves headings alone', () => {
    const all = textToBlocks(raw, { allRecommendations: true });
    expect(all.filter((b) => b.kind === 'paragraph')).toEqual([]);
    expect(all.filter((b) => b.kind === 'heading').map((h) => h.text)).toEqual(HEADINGS);
    const recs = all.flatMap((b) => (b.kind === 'recommendation' ? [b] : []));
    expect(recs).toHaveLength(32);
    expect(recs.filter((r) => r.partners.length === 0).map((r) => r.text)).toEqual(
      blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : [])),
    );
    expect(recs.filter((r) => r.partners.length > 0).map((r) => r.partners)).toEqual(EXPECTED.map((e) => e[2]));
  });

  it('gives the same blocks for CRLF line endings', () => {
    expect(textToBlocks(raw.replace(/\n/g, '\r\n'), {})).toEqual(blocks);
  });
});
