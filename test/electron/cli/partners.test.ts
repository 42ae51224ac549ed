import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsna } from '../../helpers/cli';
import { SEED_000 } from '../../helpers/seedProject';
import { useTempDir } from '../../helpers/tmp';

async function seeded(dir: string): Promise<string> {
  const path = join(dir, 'cyp.jsna');
  await jsna('doc', 'new', path, '--title', 'Leicester CYP JSNA');
  await jsna('doc', 'import-text', path, SEED_000, '--chapter', 'Children and young people');
  return path;
}

describe('jsna partners', () => {
  const tmp = useTempDir();

  it('lists the directory as [{code,name,type,successor,recommendations}]', async () => {
    const path = await seeded(tmp());
    const r = await jsna('partners', path, '--format', 'json');
    expect(r.code).toBe(0);
    const list = JSON.parse(r.out) as { code: string; recommendations: number }[];
    expect(list.slice(0, 3)).toEqual([
      { code: 'LA', name: 'Local authority (city council)', type: 'local-authority', successor: null, recommendations: 16 },
      { code: 'CCG', name: 'Clinical Commissioning Group', type: 'ccg', successor: 'ICB', recommendations: 3 },
      { code: 'ICB', name: 'Integrated Care Board', type: 'icb', successor: null, recommendations: 0 },
    ]);
    expect(list.map((p) => p.code)).toEqual(['LA', 'CCG', 'ICB', 'UHL', 'NHSE', 'NHS', 'LPT', 'YOS', 'YOM', 'HWB', 'CTB', 'LLRHP', 'LSCB', 'Police', 'other partners']);
    const text = await jsna('partners', path, '--format', 'text');
    expect(text.out).toMatch(/^LA {14} 16 {2}Local authority \(city council\)\nCCG {13} {2}3 {2}Clinical Commissioning Group \(succeeded by ICB\)\n/);
  });

  it('adds, edits, renames, merges and deletes, with the rules', async () => {
    const path = await seeded(tmp());
    const add = await jsna('partners', 'add', path, 'Scouts', '--name', 'Scout Association', '--type', 'voluntary');
    expect(JSON.parse(add.out)).toEqual({ code: 'Scouts', name: 'Scout Association', type: 'voluntary', successor: null, recommendations: 0 });
    const dup = await jsna('partners', 'add', path, 'la', '--name', 'x');
    expect(dup.code).toBe(2);
    expect(dup.err).toMatch(/"la" is already in the partner directory as "LA"/);
    expect((await jsna('partners', 'add', path, 'A/B', '--name', 'x')).err).toMatch(/code: a partner code cannot contain/);
    expect((await jsna('partners', 'add', path, 'X', '--name', 'x', '--type', 'church')).err).toMatch(/--type must be one of local-authority/);

    expect(JSON.parse((await jsna('partners', 'edit', path, 'scouts', '--successor', 'other partners')).out)).toMatchObject({ code: 'Scouts', successor: 'other partners' });
    expect(JSON.parse((await jsna('partners', 'edit', path, 'Scouts', '--successor', 'none')).out)).toMatchObject({ successor: null });
    expect((await jsna('partners', 'edit', path, 'Scouts')).err).toMatch(/nothing to change/);

    const renamed = await jsna('partners', 'rename', path, 'CCG', 'LLR CCG');
    expect(JSON.parse(renamed.out)).toEqual({
      partner: { code: 'LLR CCG', name: 'Clinical Commissioning Group', type: 'ccg', successor: 'ICB', recommendations: 3 },
      recommendations: 3,
      chapters: 1,
    });
    const icb = JSON.parse((await jsna('recs', path, '--partner', 'ICB', '--include-successors')).out) as { partners: string[] }[];
    expect(icb.map((r) => r.partners[0])).toEqual(['LLR CCG', 'LLR CCG', 'LLR CCG']);

    const merged = await jsna('partners', 'merge', path, 'LLR CCG', 'ICB');
    expect(JSON.parse(merged.out)).toMatchObject({ partner: { code: 'ICB', recommendations: 3 }, recommendations: 3, chapters: 1 });
    expect(JSON.parse((await jsna('recs', path, '--partner', 'ICB')).out)).toHaveLength(3);

    const refused = await jsna('partners', 'delete', path, 'LA');
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/^jsna partners delete: LA cannot be deleted: 16 recommendations use it\./);
    expect(refused.err).toContain('  - Children and young people › 0 to 19 year old children: Take action to reduce infant mortality');
    expect(refused.err).toContain('… and 6 more');
    const deleted = await jsna('partners', 'delete', path, 'Scouts');
    expect(JSON.parse(deleted.out)).toEqual({ deleted: 'Scouts' });
    expect((await jsna('partners', 'delete', path, 'Scouts')).code).toBe(2);
  });
});
