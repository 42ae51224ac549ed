import { describe, expect, it } from 'vitest';
import { importInput, unquote } from '../../../renderer/library/importInput';

describe('importInput', () => {
  it('puts paths (typed, or chosen in Electron) and sent files (browser mode) where the import takes them', () => {
    expect(importInput([{ path: '/data/a.csv' }, { upload: 'f'.repeat(32) }], ['/typed/b.csv'], null, '')).toEqual({
      paths: ['/typed/b.csv', '/data/a.csv'],
      uploads: ['f'.repeat(32)],
    });
  });

  it('drops the quotes round a path copied with Windows\' "Copy as path"', () => {
    expect(unquote(' "C:\\Data\\a.csv" ')).toBe('C:\\Data\\a.csv');
  });

  it('takes the chosen metadata file before a typed metadata path, and neither when there is none', () => {
    expect(importInput([], ['/a.csv'], { upload: 'e'.repeat(32) }, '/typed/meta.csv')).toMatchObject({ metadataUpload: 'e'.repeat(32) });
    expect(importInput([], ['/a.csv'], { path: '/m.csv' }, '')).toMatchObject({ metadataPath: '/m.csv' });
    expect(importInput([], ['/a.csv'], null, '/typed/meta.csv')).toMatchObject({ metadataPath: '/typed/meta.csv' });
    expect(importInput([], ['/a.csv'], null, '')).toEqual({ paths: ['/a.csv'], uploads: [] });
  });
});
