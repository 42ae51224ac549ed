import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RecentProjects } from '../../../../electron/services/project/recentProjects';
import { useTempDir } from '../../../helpers/tmp';

describe('recent projects, remembered in the data folder', () => {
  const tmp = useTempDir();

  it('keeps the newest first, once each, at most ten, across restarts', () => {
    const file = join(tmp(), 'data', 'recent-projects.json');
    const a = join(tmp(), 'a.jsna');
    writeFileSync(a, '');
    const recent = new RecentProjects(file);
    recent.remember(a, 'A', new Date('2026-01-01T00:00:00Z'));
    recent.remember(join(tmp(), 'b.jsna'), 'B', new Date('2026-01-02T00:00:00Z'));
    recent.remember(a, 'A renamed', new Date('2026-01-03T00:00:00Z'));
    const again = new RecentProjects(file).list();
    expect(again.map((r) => [r.title, r.exists])).toEqual([
      ['A renamed', true],
      ['B', false],
    ]);
    for (let i = 0; i < 12; i++) recent.remember(join(tmp(), `p${i}.jsna`), `P${i}`);
    expect(recent.list()).toHaveLength(10);
    expect(recent.list()[0]!.title).toBe('P11');
  });

  it('reads a damaged file as empty and rewrites it; without a file it remembers in memory only', () => {
    const file = join(tmp(), 'recent-projects.json');
    writeFileSync(file, '{not json');
    const recent = new RecentProjects(file);
    expect(recent.list()).toEqual([]);
    recent.remember(join(tmp(), 'x.jsna'), 'X');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toHaveLength(1);
    const memory = new RecentProjects();
    memory.remember(join(tmp(), 'y.jsna'), 'Y');
    expect(memory.list().map((r) => r.title)).toEqual(['Y']);
  });
});
