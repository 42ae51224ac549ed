import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { jsna } from '../../helpers/cli';
import { sha256 } from '../../helpers/files';
import { useTempDir } from '../../helpers/tmp';

describe('jsna doc', () => {
  const tmp = useTempDir();

  it('creates a project and lists its chapters as JSON', async () => {
    const path = join(tmp(), 'x.jsna');
    const made = await jsna('doc', 'new', path, '--title', 'Test');
    expect(made).toMatchObject({ code: 0, err: '' });
    expect(JSON.parse(made.out)).toEqual({ path, title: 'Test' });
    const listed = await jsna('doc', 'chapters', path, '--format', 'json');
    expect(listed.code).toBe(0);
    expect(JSON.parse(listed.out)).toEqual([]);
  });

  it('lists help', async () => {
    const r = await jsna('help');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/doc new <project\.jsna> --title <text>/);
    expect(r.out).toMatch(/doc chapters <project\.jsna>/);
  });

  it('exits 2 naming the file when it is not a project, and leaves it unchanged', async () => {
    const text = join(tmp(), 'minutes.txt');
    writeFileSync(text, 'Minutes of the Health and Wellbeing Board, 12 March. '.repeat(5));
    const other = join(tmp(), 'other.sqlite');
    const db = new Database(other);
    db.exec('CREATE TABLE x (y)');
    db.close();
    for (const file of [text, other]) {
      const before = sha256(file);
      const r = await jsna('doc', 'chapters', file, '--format', 'json');
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
      expect(r.err).toContain(`${file} is not a JSNA project`);
      expect(sha256(file)).toBe(before);
    }
  });

  it('exits 2 for bad arguments', async () => {
    expect((await jsna('doc', 'new', join(tmp(), 'y.jsna'))).err).toMatch(/--title is required/);
    expect((await jsna('doc', 'chapters', join(tmp(), 'y.jsna'), '--format', 'xml')).err).toMatch(/--format must be one of json, text/);
    expect((await jsna('doc', 'chapters')).code).toBe(2);
    expect((await jsna('doc', 'chapters', 'a', '--bogus')).err).toMatch(/Unknown option '--bogus'/);
    expect((await jsna('frobnicate')).code).toBe(2);
  });

  it('works as the real command: npm run --silent jsna', () => {
    const path = join(tmp(), 'real.jsna');
    const root = join(__dirname, '..', '..', '..');
    execFileSync('npm', ['run', '--silent', 'jsna', '--', 'doc', 'new', path, '--title', 'Real'], { cwd: root });
    const out = execFileSync('npm', ['run', '--silent', 'jsna', '--', 'doc', 'chapters', path, '--format', 'json'], { cwd: root, encoding: 'utf8' });
    expect(JSON.parse(out)).toEqual([]);
    const bad = spawnSync('npm', ['run', '--silent', 'jsna', '--', 'doc', 'chapters', join(tmp(), 'missing.jsna')], { cwd: root, encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('missing.jsna: no such file');
  });

  it('reads paths relative to the folder it was typed in, not the package folder npm runs it in', () => {
    const root = join(__dirname, '..', '..', '..');
    const here = tmp();
    execFileSync('npm', ['--prefix', root, 'run', '--silent', 'jsna', '--', 'doc', 'new', 'relative.jsna', '--title', 'Relative'], { cwd: here });
    expect(existsSync(join(here, 'relative.jsna'))).toBe(true);
    expect(existsSync(join(root, 'relative.jsna'))).toBe(false);
  });
});
