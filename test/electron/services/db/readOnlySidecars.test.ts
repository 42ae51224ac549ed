import { spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { importToPath } from '../../../../electron/services/library/importFiles';
import { listIndicators } from '../../../../electron/services/library/indicators';
import { openLibrary } from '../../../../electron/services/library/openLibrary';
import { createProject, openProject } from '../../../../electron/services/project/project';
import { listChapters } from '../../../../electron/services/documents/chapters';
import { sha256 } from '../../../helpers/files';
import { useTempDir } from '../../../helpers/tmp';
import { REAL_FILE } from '../library/helpers';

const sidecars = (path: string) => ['-wal', '-shm'].filter((s) => existsSync(path + s));

/** A read-only open of a WAL file leaves no empty -wal/-shm beside it, unless someone else has the file open. */
describe('read-only opens and the -wal/-shm files', () => {
  const tmp = useTempDir();

  async function library(): Promise<string> {
    const path = join(tmp(), 'lib.jsnalib');
    await importToPath(path, [REAL_FILE]);
    expect(sidecars(path)).toEqual([]);
    return path;
  }

  it('a library opened read-only, read and closed (three times) leaves none, the file byte-identical and its time unchanged', async () => {
    const path = await library();
    const before = { sha: sha256(path), mtime: statSync(path).mtimeMs };
    for (let i = 0; i < 3; i++) {
      const lib = openLibrary(path, { readOnly: true });
      expect(lib.journalMode).toBe('wal');
      expect(listIndicators(lib.db).map((x) => x.id)).toEqual(['93356']);
      expect(sidecars(path)).toEqual(['-wal', '-shm']); // SQLite's, while it is open
      lib.close();
      expect(sidecars(path)).toEqual([]);
    }
    expect({ sha: sha256(path), mtime: statSync(path).mtimeMs }).toEqual(before);
  });

  it('a project opened read-only leaves none either', () => {
    const path = join(tmp(), 'p.jsna');
    createProject(path, 'P').close();
    expect(sidecars(path)).toEqual([]);
    const p = openProject(path, { readOnly: true });
    expect(listChapters(p)).toEqual([]);
    p.close();
    expect(sidecars(path)).toEqual([]);
  });

  it('another connection in this process still open (a writer): they stay, and it writes and tidies them itself', async () => {
    const path = await library();
    const writer = new Database(path);
    writer.prepare('SELECT count(*) FROM indicators').get();
    const lib = openLibrary(path, { readOnly: true });
    listIndicators(lib.db);
    lib.close();
    expect(sidecars(path)).toEqual(['-wal', '-shm']);
    writer.exec("INSERT INTO library_meta (key, value) VALUES ('x', 'y')");
    writer.close();
    expect(sidecars(path)).toEqual([]);
  });

  it('a reader that opened after this one, in another process, keeps them (SQLite’s lock) and reads on', async () => {
    const path = await library();
    const lib = openLibrary(path, { readOnly: true });
    listIndicators(lib.db);
    const child = spawn(
      process.execPath,
      [
        '-e',
        `const D = require('better-sqlite3'); const d = new D(${JSON.stringify(path)}, { readonly: true });
         d.prepare('SELECT count(*) FROM indicators').get(); process.stdout.write('open\\n');
         process.stdin.once('data', () => { process.stdout.write(String(d.prepare('SELECT count(*) AS n FROM indicator_values').get().n) + '\\n'); d.close(); });`,
      ],
      { cwd: join(__dirname, '..', '..', '..', '..'), stdio: ['pipe', 'pipe', 'inherit'] },
    );
    const exited = new Promise((resolve) => child.once('exit', resolve));
    const lines: string[] = [];
    const next = () => new Promise<string>((resolve) => child.stdout.once('data', (d: Buffer) => resolve(String(d).trim())));
    lines.push(await next());
    lib.close();
    expect(sidecars(path)).toEqual(['-wal', '-shm']);
    const answer = next();
    child.stdin.end('go\n');
    lines.push(await answer);
    await exited;
    expect(lines).toEqual(['open', '852']);
    // The last one to close was a reader that cannot remove them: the next read-only open and close does.
    expect(sidecars(path)).toEqual(['-wal', '-shm']);
    const before = { sha: sha256(path), mtime: statSync(path).mtimeMs };
    openLibrary(path, { readOnly: true }).close();
    expect(sidecars(path)).toEqual([]);
    expect({ sha: sha256(path), mtime: statSync(path).mtimeMs }).toEqual(before);
  });

  it('a -wal with frames (a writer that crashed) is left for a writer to recover; the file is not written', async () => {
    const path = await library();
    // A writer's frames in the -wal: the process is killed before it can checkpoint.
    const child = spawn(process.execPath, ['-e', `const D = require('better-sqlite3'); const d = new D(${JSON.stringify(path)}); d.exec("INSERT INTO library_meta (key, value) VALUES ('crash', '1')"); process.kill(process.pid, 'SIGKILL');`], {
      cwd: join(__dirname, '..', '..', '..', '..'),
      stdio: 'inherit',
    });
    await new Promise((resolve) => child.once('exit', resolve));
    expect(statSync(path + '-wal').size).toBeGreaterThan(0);
    const before = { sha: sha256(path), wal: sha256(path + '-wal') };
    const lib = openLibrary(path, { readOnly: true });
    expect(lib.db.prepare("SELECT value FROM library_meta WHERE key = 'crash'").get()).toEqual({ value: '1' });
    lib.close();
    expect(sidecars(path)).toEqual(['-wal', '-shm']);
    expect({ sha: sha256(path), wal: sha256(path + '-wal') }).toEqual(before);
  });
});
