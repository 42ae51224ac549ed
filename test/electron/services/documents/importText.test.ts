import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { getChapter, listChapters } from '../../../../electron/services/documents/chapters';
import { importTextFile } from '../../../../electron/services/documents/importText';
import { createProject } from '../../../../electron/services/project/project';
import { jsna } from '../../../helpers/cli';
import { useTempDir } from '../../../helpers/tmp';

const seed = join(__dirname, '..', '..', '..', 'fixtures', 'seeds', '000_leicester_cyp_recommendations.txt');

describe('importing text as a chapter', () => {
  const tmp = useTempDir();

  it('turns seed 000 into 22 recommendation nodes with directory codes, under their headings', async () => {
    const path = join(tmp(), 'p.jsna');
    expect((await jsna('doc', 'new', path, '--title', 'P')).code).toBe(0);
    const r = await jsna('doc', 'import-text', path, seed, '--chapter', 'Children and young people');
    expect(r.err).toBe('');
    expect(JSON.parse(r.out)).toEqual({ chapter: 'Children and young people', headings: 10, recommendations: 22 });
    const listed = await jsna('doc', 'chapters', path, '--format', 'json');
    expect(JSON.parse(listed.out)).toMatchObject([{ title: 'Children and young people', position: 1 }]);
  });

  it('refuses a second and third import under a title the project has, naming the chapter, and changes nothing', async () => {
    const path = join(tmp(), 'twice.jsna');
    expect((await jsna('doc', 'new', path, '--title', 'P')).code).toBe(0);
    const first = await jsna('doc', 'import-text', path, seed, '--chapter', 'Recommendations');
    expect(first).toMatchObject({ code: 0, err: '' });
    const [made] = JSON.parse((await jsna('doc', 'chapters', path, '--format', 'json')).out) as { id: string; title: string }[];
    const chaptersBefore = (await jsna('doc', 'chapters', path, '--format', 'json')).out;
    const recsBefore = (await jsna('recs', path, '--format', 'json')).out;
    // The second time, then the third with another case and spacing (as --chapter would name it).
    for (const title of ['Recommendations', '  recommendations ']) {
      const again = await jsna('doc', 'import-text', path, seed, '--chapter', title);
      expect(again.code).toBe(2);
      expect(again.out).toBe('');
      expect(again.err).toContain('already has a chapter titled "Recommendations"');
      expect(again.err).toContain(`id ${made!.id}`);
      expect(again.err).toContain('another title with --chapter');
      expect((await jsna('doc', 'chapters', path, '--format', 'json')).out).toBe(chaptersBefore);
      expect((await jsna('recs', path, '--format', 'json')).out).toBe(recsBefore);
    }
    // render --chapter still finds the one chapter; another title imports as usual.
    expect((await jsna('render', path, '--chapter', 'Recommendations', '--to', 'html', '--out', join(tmp(), 'r.html'))).code).toBe(0);
    const other = await jsna('doc', 'import-text', path, seed, '--chapter', 'Recommendations (2019)');
    expect(other.code).toBe(0);
    expect((JSON.parse((await jsna('doc', 'chapters', path, '--format', 'json')).out) as unknown[]).length).toBe(2);
  });

  it("refuses a repeat import whose title comes from the file's name, saying so", async () => {
    const path = join(tmp(), 'named.jsna');
    expect((await jsna('doc', 'new', path, '--title', 'P')).code).toBe(0);
    const file = join(tmp(), 'Mental health.txt');
    writeFileSync(file, 'Mental health\n\nCommission more school nurses. [LA]\n');
    expect((await jsna('doc', 'import-text', path, file)).code).toBe(0);
    for (let i = 0; i < 2; i++) {
      const again = await jsna('doc', 'import-text', path, file);
      expect(again.code).toBe(2);
      expect(again.err).toMatch(/chapter titled "Mental health" .*comes from the file's name/);
    }
    expect((JSON.parse((await jsna('doc', 'chapters', path, '--format', 'json')).out) as unknown[]).length).toBe(1);
  });

  it('normalises partner codes to the directory and keeps unknown ones as written', () => {
    const p = createProject(join(tmp(), 'n.jsna'), 'N');
    const file = join(tmp(), 'recs.txt');
    writeFileSync(file, 'Mental health\n\nCommission more school nurses. [la/ ccg & Other Partners]\n\nFund the café’s youth club. [LA; Scouts]\n');
    const result = importTextFile(p, file, {});
    expect(result).toMatchObject({ chapter: 'recs', headings: 1, recommendations: 2, unknownPartners: ['Scouts'] });
    const doc = getChapter(p, listChapters(p)[0]!.id).doc;
    const recs = doc.content!.filter((n) => n.type === 'recommendation');
    expect(recs.map((n) => n.attrs?.partners)).toEqual([['LA', 'CCG', 'other partners'], ['LA', 'Scouts']]);
    expect(recs.every((n) => typeof n.attrs?.id === 'string')).toBe(true);
    expect(recs[1]!.content).toEqual([{ type: 'text', text: 'Fund the café’s youth club.' }]);
    p.close();
  });

  it('reads Windows-1252 text and refuses binary and empty files, naming them', () => {
    const p = createProject(join(tmp(), 'w.jsna'), 'W');
    const cp = join(tmp(), 'excel.txt');
    writeFileSync(cp, iconv.encode('Café provision for young carers. [LA]\n', 'windows-1252'));
    expect(importTextFile(p, cp, {}).recommendations).toBe(1);
    const doc = getChapter(p, listChapters(p)[0]!.id).doc;
    expect(JSON.stringify(doc)).toContain('Café provision');
    const bin = join(tmp(), 'x.bin');
    writeFileSync(bin, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 1]));
    expect(() => importTextFile(p, bin, {})).toThrow(`${bin}: not a text file`);
    const empty = join(tmp(), 'e.txt');
    writeFileSync(empty, '  \n');
    expect(() => importTextFile(p, empty, {})).toThrow(`${empty}: the file is empty`);
    expect(listChapters(p)).toHaveLength(1);
    p.close();
  });
});
