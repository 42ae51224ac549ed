import { mkdirSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { browseRoot, listFolder } from '../../../../electron/services/files/folderBrowser';
import { useTempDir } from '../../../helpers/tmp';

/** tmp/home (the root) with projects and folders, and tmp/outside beside it. */
function layout(tmp: string) {
  const home = join(tmp, 'home');
  const outside = join(tmp, 'outside');
  mkdirSync(join(home, 'JSNAs', 'Children'), { recursive: true });
  mkdirSync(join(home, '.hidden'));
  mkdirSync(outside);
  writeFileSync(join(home, 'JSNAs', 'Adults.jsna'), '');
  writeFileSync(join(home, 'JSNAs', 'notes.txt'), '');
  writeFileSync(join(home, 'JSNAs', 'b.JSNA'), '');
  writeFileSync(join(outside, 'secret.jsna'), '');
  symlinkSync(outside, join(home, 'JSNAs', 'link-out'));
  symlinkSync(join(home, 'JSNAs', 'Children'), join(home, 'link-in'));
  return { home: realpathSync(home), outside };
}

describe('the folder browser: folders and *.jsna files inside the home folder only', () => {
  const tmp = useTempDir();

  it('lists only folders and projects, folders first, hidden ones and links out left out', () => {
    const { home } = layout(tmp());
    const top = listFolder(home);
    expect(top).toMatchObject({ path: home, parent: null, home });
    expect(top.entries.map((e) => [e.name, e.kind])).toEqual([
      ['JSNAs', 'folder'],
      ['link-in', 'folder'],
    ]);
    const sub = listFolder(home, join(home, 'JSNAs'));
    expect(sub.parent).toBe(home);
    expect(sub.entries.map((e) => [e.name, e.kind])).toEqual([
      ['Children', 'folder'],
      ['Adults.jsna', 'project'],
      ['b.JSNA', 'project'],
    ]);
  });

  it('refuses paths outside the home folder however they are spelled, every time', () => {
    const { home, outside } = layout(tmp());
    for (let i = 0; i < 3; i++) {
      expect(() => listFolder(home, outside)).toThrow(/Only folders inside your home folder/);
      expect(() => listFolder(home, join(home, '..'))).toThrow(/Only folders inside your home folder/);
      expect(() => listFolder(home, join(home, 'JSNAs', '..', '..', 'outside'))).toThrow(/Only folders inside your home folder/);
      expect(() => listFolder(home, '../outside')).toThrow(/Only folders inside your home folder/);
      expect(() => listFolder(home, join(home, 'JSNAs', 'link-out'))).toThrow(/Only folders inside your home folder/); // a symlink out
      expect(() => listFolder(home, '/')).toThrow(/Only folders inside your home folder/);
    }
    try {
      listFolder(home, outside);
    } catch (e) {
      expect((e as { code: string }).code).toBe('FORBIDDEN');
    }
  });

  it('follows a link that stays inside, says when a folder is missing or is a file', () => {
    const { home } = layout(tmp());
    expect(listFolder(home, join(home, 'link-in')).path).toBe(join(home, 'JSNAs', 'Children'));
    expect(() => listFolder(home, join(home, 'nope'))).toThrow(/no such folder/);
    expect(() => listFolder(home, join(home, 'JSNAs', 'Adults.jsna'))).toThrow(/is a file, not a folder/);
  });

  it('browses the home folder, or JSNA_HOME when set', () => {
    expect(browseRoot({ JSNA_HOME: '/srv/x' })).toBe('/srv/x');
    expect(browseRoot({})).not.toBe('');
  });
});
