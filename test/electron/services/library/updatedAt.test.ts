import { describe, expect, it } from 'vitest';
import { importFiles } from '../../../../electron/services/library/importFiles';
import { updateIndicator } from '../../../../electron/services/library/indicators';
import { listVintages, restoreVintage } from '../../../../electron/services/library/vintages';
import { useTempDir } from '../../../helpers/tmp';
import { fingertipsCsv, REAL_FILE, row, useLibrary, writeFile } from './helpers';

/** `indicators.updated_at` reads as "this indicator's data changed": only an import that changes it sets it. */
describe('indicators.updated_at', () => {
  const tmp = useTempDir();
  const lib = useLibrary(tmp);
  const at = (iso: string) => ({ now: () => new Date(iso) });
  const stamps = (): Record<string, string> =>
    Object.fromEntries((lib().db.prepare('SELECT id, updated_at FROM indicators ORDER BY id').all() as { id: string; updated_at: string }[]).map((r) => [r.id, r.updated_at]));
  const T1 = '2030-01-01T00:00:00.000Z';
  const T2 = '2030-02-01T00:00:00.000Z';
  const T3 = '2030-03-01T00:00:00.000Z';
  const T4 = '2030-04-01T00:00:00.000Z';
  const two = (over: { a?: string; b?: string } = {}) => [
    row({ 'Indicator ID': '90001', Value: over.a ?? '51.66' }),
    row({ 'Indicator ID': '90002', 'Indicator Name': 'Other indicator rate/100,000', Value: over.b ?? '12.5' }),
  ];

  it('is left as it was by the same file imported a second and a third time', async () => {
    const db = lib().db;
    await importFiles(db, [REAL_FILE], at(T1));
    expect(stamps()).toEqual({ '93356': T1 });
    await importFiles(db, [REAL_FILE], at(T2));
    await importFiles(db, [REAL_FILE], at(T3));
    expect(stamps()).toEqual({ '93356': T1 });
  });

  it('is left as it was by a file of the very same values in other bytes (a re-download), twice, and by the same metadata again', async () => {
    const db = lib().db;
    const meta = writeFile(tmp(), 'meta.csv', 'indicator_id,definition,polarity\r\n90001,A definition,low is good\r\n');
    await importFiles(db, [writeFile(tmp(), 'a.csv', fingertipsCsv(two()))], { ...at(T1), metadataPath: meta });
    expect(stamps()).toEqual({ '90001': T1, '90002': T1 });
    // LF instead of CRLF, rows in the other order: another sha256, so read and merged, but nothing changes.
    const again = writeFile(tmp(), 'b.csv', fingertipsCsv([...two()].reverse(), { eol: '\n' }));
    const second = await importFiles(db, [again], { ...at(T2), metadataPath: meta });
    expect(second).toMatchObject({ added: 0, updated: 0, vintages: [] });
    const third = await importFiles(db, [writeFile(tmp(), 'c.csv', fingertipsCsv(two(), { eol: '\n' }))], { ...at(T3), metadataPath: meta, metadataByPublisher: false });
    expect(third).toMatchObject({ added: 0, updated: 0, vintages: [] });
    expect(stamps()).toEqual({ '90001': T1, '90002': T1 });
  });

  it('is set for the one indicator whose value changed, and for one whose metadata changed', async () => {
    const db = lib().db;
    await importFiles(db, [writeFile(tmp(), 'a.csv', fingertipsCsv(two()))], at(T1));
    const changed = await importFiles(db, [writeFile(tmp(), 'b.csv', fingertipsCsv(two({ b: '13.5' })))], at(T2));
    expect(changed).toMatchObject({ updated: 1 });
    expect(stamps()).toEqual({ '90001': T1, '90002': T2 });
    // Metadata alone (no data file): only the indicator it changes.
    await importFiles(db, [], { ...at(T3), metadataPath: writeFile(tmp(), 'm.csv', 'indicator_id,definition\r\n90001,Now defined\r\n') });
    expect(stamps()).toEqual({ '90001': T3, '90002': T2 });
    // A renamed indicator with the same values is a change too.
    await importFiles(db, [writeFile(tmp(), 'c.csv', fingertipsCsv([row({ 'Indicator ID': '90002', 'Indicator Name': 'Renamed rate/100,000', Value: '13.5' })]))], at(T4));
    expect(stamps()).toEqual({ '90001': T3, '90002': T4 });
  });

  it('is set by restoring a vintage, which changes the values', async () => {
    const db = lib().db;
    await importFiles(db, [writeFile(tmp(), 'a.csv', fingertipsCsv(two()))], at(T1));
    await importFiles(db, [writeFile(tmp(), 'b.csv', fingertipsCsv(two({ b: '13.5' })))], at(T2));
    const first = listVintages(db, '90002').find((v) => v.fileName === 'a.csv')!;
    restoreVintage(db, first.id, new Date(T3));
    expect(stamps()).toEqual({ '90001': T1, '90002': T3 });
  });

  it("is left by saving the analyst's edit again unchanged, the second and third time, and set when the edit changes something", async () => {
    const db = lib().db;
    await importFiles(db, [writeFile(tmp(), 'a.csv', fingertipsCsv(two()))], at(T1));
    const edit = { id: '90001', definition: 'Our definition', polarity: 'low-is-good' as const };
    updateIndicator(db, edit);
    const edited = stamps()['90001'];
    expect(edited).not.toBe(T1);
    db.prepare("UPDATE indicators SET updated_at = ? WHERE id = '90001'").run(T2);
    for (let round = 0; round < 2; round++) {
      expect(updateIndicator(db, edit)).toMatchObject({ definition: 'Our definition', polarity: 'low-is-good' });
      expect(stamps()['90001']).toBe(T2);
    }
    updateIndicator(db, { ...edit, definition: 'Our definition, revised' });
    expect(stamps()['90001']).not.toBe(T2);
  });
});
