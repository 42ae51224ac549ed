// Found bug (a): a damaged project file gave "unexpected error: SqliteError: database disk image is
// malformed", exit 1, and left empty -wal/-shm beside it.
import { existsSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { takeBackup } from '../../../../electron/services/backup/takeBackup';
import { addChapter } from '../../../../electron/services/documents/chapters';
import { createProject, openProject } from '../../../../electron/services/project/project';
import { AppError } from '../../../../shared/api/errors';
import { jsna } from '../../../helpers/cli';
import { sha256 } from '../../../helpers/files';
import { useTempDir } from '../../../helpers/tmp';
import { makeEmpty, truncate, zeroPage } from '../../../reliability/damage';

const damages = { truncated: (p: string) => truncate(p), 'zeroed page': (p: string) => zeroPage(p, 2) } as const;

describe('a damaged project file', () => {
  const tmp = useTempDir();
  let saved: string | undefined;
  beforeEach(() => {
    saved = process.env.JSNA_BACKUP_DIR;
    process.env.JSNA_BACKUP_DIR = join(tmp(), 'backups');
  });
  afterEach(() => {
    if (saved === undefined) delete process.env.JSNA_BACKUP_DIR;
    else process.env.JSNA_BACKUP_DIR = saved;
  });

  function bigProject(name: string, backup: boolean): string {
    const path = join(tmp(), name);
    const project = createProject(path, 'Damage');
    for (let i = 0; i < 30; i++) {
      addChapter(project, `Chapter ${i}`, { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x'.repeat(3000) }] }] });
    }
    if (backup) takeBackup(project.db, path);
    project.close();
    return path;
  }

  for (const [what, damage] of Object.entries(damages)) {
    for (const readOnly of [true, false]) {
      it(`${what}: refused as DAMAGED naming the file (${readOnly ? 'read-only' : 'for editing'}), byte-identical, nothing left beside it`, () => {
        const path = bigProject('p.jsna', false);
        damage(path);
        const before = sha256(path);
        let error: unknown;
        try {
          openProject(path, { readOnly }).close();
        } catch (e) {
          error = e;
        }
        expect(error).toBeInstanceOf(AppError);
        expect((error as AppError).code).toBe('DAMAGED');
        expect((error as AppError).message).toContain(`${path} is damaged`);
        expect((error as AppError).message).toContain('There is no automatic backup of it to restore.');
        expect(sha256(path)).toBe(before);
        expect(readdirSync(tmp()).filter((n) => n.startsWith('p.jsna'))).toEqual(['p.jsna']);
      });
    }
  }

  it('offers the latest verified backup in the message and the error details', () => {
    const path = bigProject('p.jsna', true);
    truncate(path);
    try {
      openProject(path);
      throw new Error('expected DAMAGED');
    } catch (e) {
      expect((e as AppError).code).toBe('DAMAGED');
      expect((e as AppError).message).toMatch(/The latest verified backup was taken .* restore it with "jsna doc restore /);
      expect((e as AppError).details?.backup).toMatchObject({ path: expect.stringContaining('backup-') });
    }
  });

  it('CLI: head -c 50000 project.jsna > t.jsna; jsna doc chapters t.jsna → exit 2, the file named, no stack trace, no -wal/-shm', async () => {
    const path = bigProject('p.jsna', false);
    const t = join(tmp(), 't.jsna');
    const { writeFileSync, readFileSync } = await import('node:fs');
    writeFileSync(t, readFileSync(path).subarray(0, 50_000));
    const r = await jsna('doc', 'chapters', t);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${t} is damaged`);
    expect(r.err).not.toMatch(/unexpected error|SqliteError|\n\s+at /);
    expect(existsSync(`${t}-wal`) || existsSync(`${t}-shm`) || existsSync(`${t}.lock`)).toBe(false);
  });

  it('CLI: jsna doc restore brings the latest backup back and keeps the damaged file; --backup names one', async () => {
    const path = bigProject('p.jsna', true);
    truncate(path);
    const damagedSha = sha256(path);
    const r = await jsna('doc', 'restore', path);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out) as { path: string; backup: string; keptAs: string };
    expect(sha256(out.keptAs)).toBe(damagedSha);
    const chapters = await jsna('doc', 'chapters', path, '--format', 'json');
    expect(JSON.parse(chapters.out)).toHaveLength(30);
    const bad = await jsna('doc', 'restore', path, '--backup', join(tmp(), 'nope.jsna'));
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('nope.jsna: no such backup file');
    const list = await jsna('doc', 'backups', path, '--format', 'json');
    expect(JSON.parse(list.out).length).toBeGreaterThanOrEqual(1);
  });

  it('empty and wrong-format files are refused unchanged too (not DAMAGED: they are not projects)', () => {
    const path = bigProject('p.jsna', false);
    makeEmpty(path);
    expect(() => openProject(path)).toThrow(/is not a JSNA project: it is empty/);
    expect(readdirSync(tmp()).filter((n) => n.startsWith(basename(path)))).toEqual(['p.jsna']);
  });
});
