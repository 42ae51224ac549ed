import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inspectTextFile, openTextStream, statTextFile } from '../../../../electron/services/text/decodeText';
import { ReadAgainKnowingEncoding, TextOnce } from '../../../../electron/services/text/readTextOnce';
import { useTempDir } from '../../../helpers/tmp';

/** Reads a file once, returning its text and facts. */
async function once(path: string): Promise<{ text: string; facts: ReturnType<TextOnce['facts']> }> {
  const reader = new TextOnce(statTextFile(path));
  let text = '';
  for await (const piece of reader.chunks()) text += piece;
  return { text, facts: reader.facts() };
}

/** What the two-pass way (inspect, then decode) gives. */
async function twoPass(path: string): Promise<{ text: string; facts: Awaited<ReturnType<typeof inspectTextFile>> }> {
  const facts = await inspectTextFile(path);
  let text = '';
  for await (const piece of openTextStream(facts).stream as AsyncIterable<string>) text += piece;
  return { text, facts };
}

describe('reading a text file once (hash, checks and decoding in one pass)', () => {
  const tmp = useTempDir();
  const file = (name: string, bytes: Buffer) => {
    const p = join(tmp(), name);
    writeFileSync(p, bytes);
    return p;
  };
  const ascii = 'Area,Value\r\n'.repeat(50_000); // ~600 KB: several reads (of 256 KB)

  it('gives the same text, sha256, encoding and BOM as inspecting first, for every encoding the app reads', async () => {
    const cases = [
      file('ascii.csv', Buffer.from(ascii)),
      file('utf8.csv', Buffer.from(`${ascii}Ynys M\u00f4n \u2013 2015\r\n`)),
      file('bom.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`Ynys M\u00f4n\r\n${ascii}`)])),
      // Windows-1252 after a long ASCII start (the switch comes many reads in) and at the very start.
      file('cp1252-late.csv', Buffer.concat([Buffer.from(ascii), Buffer.from('Ynys M\u00f4n, \u00a3 5\r\n', 'latin1'), Buffer.from([0x96, 0x0d, 0x0a]), Buffer.from(ascii)])),
      file('cp1252-early.csv', Buffer.concat([Buffer.from('M\u00f4n\r\n', 'latin1'), Buffer.from(ascii)])),
      // A lead byte at the very end (the file ends inside a character) and one split across two reads.
      file('cut.csv', Buffer.concat([Buffer.from(ascii), Buffer.from([0xc3])])),
      file('split.csv', Buffer.concat([Buffer.from('x'.repeat((1 << 15) - 1)), Buffer.from('\u00f4\u2013 end\r\n')])),
    ];
    for (const path of cases) {
      const a = await once(path);
      const b = await twoPass(path);
      expect(a.facts, path).toEqual(b.facts);
      expect(a.text === b.text, path).toBe(true);
    }
    expect((await once(cases[3]!)).facts.encoding).toBe('windows-1252');
    expect((await once(cases[2]!)).facts).toMatchObject({ encoding: 'utf-8', bom: true });
  });

  it('says to read again when bytes that are not UTF-8 follow valid non-ASCII UTF-8 (mixed encodings)', async () => {
    const mixed = file('mixed.csv', Buffer.concat([Buffer.from(`Ynys M\u00f4n\r\n${ascii}`), Buffer.from('M\u00f4n\r\n', 'latin1')]));
    await expect(once(mixed)).rejects.toBeInstanceOf(ReadAgainKnowingEncoding);
    expect((await inspectTextFile(mixed)).encoding).toBe('windows-1252');
  });

  it('refuses what is not text as inspecting does: NUL bytes late in the file, a zip, UTF-16, a BOM on bytes that are not UTF-8', async () => {
    await expect(once(file('nul.csv', Buffer.concat([Buffer.from(ascii), Buffer.from([0, 1])])))).rejects.toThrow(/nul\.csv: this is a binary file/);
    await expect(once(file('book.xlsx', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0])))).rejects.toThrow(/zipped file/);
    await expect(once(file('utf16.csv', Buffer.from('\ufeffA,B\r\n', 'utf16le')))).rejects.toThrow(/UTF-16/);
    const bomLatin = file('bom-latin.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('A,B\r\nx,1\r\nM\u00f4n,2\r\n', 'latin1')]));
    await expect(once(bomLatin)).rejects.toThrow(/bom-latin\.csv:3: the file starts with a UTF-8 byte-order mark/);
  });

  it('has no facts before the end of the file', () => {
    const reader = new TextOnce(statTextFile(file('a.csv', Buffer.from(ascii))));
    expect(() => reader.facts()).toThrow(/not been read to the end/);
  });
});
