import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../../shared/api/errors';
import { libraryKind } from '../../../../electron/services/db/kinds';
import { importToPath } from '../../../../electron/services/library/importFiles';
import { openLibrary } from '../../../../electron/services/library/openLibrary';
import { useTempDir } from '../../../helpers/tmp';
import { fingertipsCsv, REAL_FILE, REAL_RECORDS, row, writeFile } from './helpers';

/**
 * An import into a library that does not exist yet builds it beside its name and puts it there
 * only when the import succeeded: nothing is ever half there, and nothing is left on failure.
 */
describe('importing into a new library', () => {
  const tmp = useTempDir();
  const saved = process.env.JSNA_JOURNAL_MODE;
  afterEach(() => {
    if (saved === undefined) delete process.env.JSNA_JOURNAL_MODE;
    else process.env.JSNA_JOURNAL_MODE = saved;
  });

  for (const journal of ['wal', 'delete'] as const) {
    it(`puts the finished library in place in ${journal} mode, with nothing else left beside it`, async () => {
      process.env.JSNA_JOURNAL_MODE = journal;
      const dir = tmp();
      const path = join(dir, 'library.jsnalib');
      const seen: boolean[] = [];
      const summary = await importToPath(path, [REAL_FILE], { onProgress: () => seen.push(existsSync(path)) });
      expect(summary.rows).toBe(REAL_RECORDS);
      // Nothing under the library's name while the import ran (a kill then leaves no library).
      expect(seen.length).toBeGreaterThan(0);
      expect(seen.every((s) => !s)).toBe(true);
      expect(readdirSync(dir)).toEqual(['library.jsnalib']);
      const db = new Database(path, { readonly: true });
      try {
        expect(db.pragma('journal_mode', { simple: true })).toBe(journal);
        expect(db.pragma('application_id', { simple: true })).toBe(libraryKind.applicationId);
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        expect((db.prepare('SELECT count(*) AS n FROM indicator_values').get() as { n: number }).n).toBe(REAL_RECORDS);
        expect(db.prepare("SELECT value FROM library_meta WHERE key = 'created_at'").get()).toBeTruthy();
      } finally {
        db.close();
      }
      // And it is an ordinary library from then on: opened, and imported into again (one transaction).
      const again = await importToPath(path, [REAL_FILE]);
      expect(again.unchangedFiles).toEqual([REAL_FILE]);
      openLibrary(path).close();
    });
  }

  it('leaves neither the library nor its temporary file when the import fails or is a dry run', async () => {
    const dir = tmp();
    const path = join(dir, 'library.jsnalib');
    const bad = writeFile(dir, 'bad.csv', fingertipsCsv([row(), row({ 'Area Code': 'E06000017', Value: 'lots' })]));
    await expect(importToPath(path, [bad])).rejects.toThrow(/bad\.csv:3: /);
    expect(readdirSync(dir)).toEqual(['bad.csv']);
    const preview = await importToPath(path, [REAL_FILE], { dryRun: true });
    expect(preview.rows).toBe(REAL_RECORDS);
    expect(readdirSync(dir)).toEqual(['bad.csv']);
  });

  it('lets two imports into one missing library build apart: the second to finish is refused, the first kept', async () => {
    const dir = tmp();
    const path = join(dir, 'library.jsnalib');
    const other = writeFile(dir, 'other.csv', fingertipsCsv([row()]));
    const results = await Promise.allSettled([importToPath(path, [REAL_FILE]), importToPath(path, [other])]);
    const ok = results.filter((r) => r.status === 'fulfilled');
    expect(ok).toHaveLength(1);
    const refused = results.find((r) => r.status === 'rejected')!.reason as Error;
    expect(refused.message).toMatch(/was created by something else during the import/);
    expect(readdirSync(dir).sort()).toEqual(['library.jsnalib', 'other.csv']);
    const lib = openLibrary(path, { readOnly: true });
    try {
      expect(lib.db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      lib.close();
    }
  });

  it('never overwrites a file that appeared under the library’s name during the import', async () => {
    const dir = tmp();
    const path = join(dir, 'library.jsnalib');
    let written = false;
    const e = await importToPath(path, [REAL_FILE], {
      onProgress: () => {
        if (!written) writeFileSync(path, 'someone else’s file');
        written = true;
      },
    }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).message).toMatch(/was created by something else during the import/);
    expect(readFileSync(path, 'utf8')).toBe('someone else’s file');
    expect(readdirSync(dir)).toEqual(['library.jsnalib']);
  });

  it('removes the builds a killed import left beside the library (process gone, not written for 10 minutes), and nothing else', async () => {
    const dir = tmp();
    const path = join(dir, 'library.jsnalib');
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    const hourAgo = new Date(Date.now() - 60 * 60_000);
    const make = (name: string, old: boolean) => {
      writeFileSync(join(dir, name), 'left by a killed import');
      if (old) utimesSync(join(dir, name), hourAgo, hourAgo);
    };
    make(`library.jsnalib.importing-${dead}-0123abcd.tmp`, true);
    make(`library.jsnalib.importing-${dead}-0123abcd.tmp-journal`, true);
    make(`library.jsnalib.importing-${dead}-4567cdef.tmp`, false); // still being written (another machine?)
    make(`library.jsnalib.importing-${process.pid}-89abcdef.tmp`, true); // a live process's
    make('library.jsnalib.importing-notes.txt', true); // not a build
    make(`other.jsnalib.importing-${dead}-0123abcd.tmp`, true); // another library's
    await importToPath(path, [REAL_FILE]);
    expect(readdirSync(dir).sort()).toEqual(
      [
        'library.jsnalib',
        `library.jsnalib.importing-${dead}-4567cdef.tmp`,
        `library.jsnalib.importing-${process.pid}-89abcdef.tmp`,
        'library.jsnalib.importing-notes.txt',
        `other.jsnalib.importing-${dead}-0123abcd.tmp`,
      ].sort(),
    );
  });
});
