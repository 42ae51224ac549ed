import { existsSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lockPathFor, readLock } from '../../../../electron/services/db/lockFile';
import { addChapter, listChapters } from '../../../../electron/services/documents/chapters';
import { createProject, openProject } from '../../../../electron/services/project/project';
import { useTempDir } from '../../../helpers/tmp';

describe('projects: one writer, any number of readers', () => {
  const tmp = useTempDir();

  it('creates, closes and reopens a project with its title', () => {
    const path = join(tmp(), 'cyp.jsna');
    createProject(path, 'Children and young people').close();
    const p = openProject(path);
    expect(p.info()).toMatchObject({ path, title: 'Children and young people', readOnly: false, journalMode: 'wal' });
    p.close();
  });

  it('refuses a second writer, naming who has it, and allows read-only', () => {
    const path = join(tmp(), 'shared.jsna');
    process.env.JSNA_USER_NAME = 'Priya Analyst';
    const first = createProject(path, 'Shared');
    try {
      expect(readLock(lockPathFor(path))).toMatchObject({ user: 'Priya Analyst', host: hostname(), pid: process.pid });
      expect(() => openProject(path)).toThrow(/already open for editing by Priya Analyst on .* You can open it read-only/);
      const reader = openProject(path, { readOnly: true });
      expect(reader.readOnly).toBe(true);
      expect(() => addChapter(reader, 'Nope')).toThrow(/open read-only/);
      addChapter(first, 'Written by the writer');
      expect(listChapters(reader).map((c) => c.title)).toEqual(['Written by the writer']);
      reader.close();
    } finally {
      first.close();
      delete process.env.JSNA_USER_NAME;
    }
    expect(existsSync(lockPathFor(path))).toBe(false);
    openProject(path).close();
  });

  it('takes over a lock left by a process that died on this machine', () => {
    const path = join(tmp(), 'stale.jsna');
    createProject(path, 'Stale').close();
    writeFileSync(lockPathFor(path), JSON.stringify({ user: 'gone', host: hostname(), pid: 2 ** 22 + 12345, since: '2026-01-01T00:00:00Z' }));
    const p = openProject(path);
    expect(readLock(lockPathFor(path))?.pid).toBe(process.pid);
    p.close();
  });

  it('does not create a lock file beside a file that is not a project', () => {
    const path = join(tmp(), 'notes.txt');
    writeFileSync(path, 'not a project at all, just some words that are long enough to fill a header block of a hundred bytes or so');
    expect(() => openProject(path)).toThrow(/not a JSNA project/);
    expect(existsSync(lockPathFor(path))).toBe(false);
  });
});
