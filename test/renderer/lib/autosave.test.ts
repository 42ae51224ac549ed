import { describe, expect, it } from 'vitest';
import type { DocJson, SaveResult } from '../../../shared/api/chapters';
import { Autosave, type SaveStatus } from '../../../renderer/lib/autosave';

const doc = (t: string): DocJson => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: t }] }] });

function harness(save: (d: DocJson, rev: number) => Promise<SaveResult>) {
  const timers: (() => void)[] = [];
  const statuses: SaveStatus['state'][] = [];
  const a = new Autosave({
    revision: 1,
    save: (d, rev) => save(d, rev),
    onStatus: (s) => statuses.push(s.state),
    setTimer: (fn) => timers.push(fn),
    clearTimer: () => undefined,
  });
  return { a, timers, statuses };
}

describe('autosave', () => {
  it('saves the latest text once typing pauses, with increasing revisions', async () => {
    const saved: [string, number][] = [];
    const { a, timers, statuses } = harness(async (d, rev) => {
      saved.push([JSON.stringify(d), rev]);
      return { revision: rev + 1, updatedAt: 'now' };
    });
    a.changed(() => doc('H'));
    a.changed(() => doc('He'));
    a.changed(() => doc('Hello'));
    await a.flush();
    expect(saved).toEqual([[JSON.stringify(doc('Hello')), 1]]);
    a.changed(() => doc('Hello!'));
    await a.flush();
    expect(saved[1]).toEqual([JSON.stringify(doc('Hello!')), 2]);
    expect(a.currentRevision).toBe(3);
    expect(statuses.at(-1)).toBe('saved');
    expect(timers.length).toBeGreaterThan(0);
  });

  it('saves edits made during a save right after it', async () => {
    let release!: () => void;
    const saved: string[] = [];
    const { a } = harness((d, rev) => {
      saved.push(JSON.stringify(d));
      return new Promise((r) => (release = () => r({ revision: rev + 1, updatedAt: 'now' })));
    });
    a.changed(() => doc('one'));
    const first = a.flush();
    a.changed(() => doc('one two'));
    const second = a.flush();
    release();
    await new Promise((r) => setTimeout(r, 0));
    release();
    await Promise.all([first, second]);
    expect(saved).toEqual([JSON.stringify(doc('one')), JSON.stringify(doc('one two'))]);
    expect(a.hasUnsavedChanges).toBe(false);
  });

  it('keeps a failed edit for a retry, and stops for good on a conflict', async () => {
    let fail: 'io' | 'conflict' | null = 'io';
    const { a, statuses } = harness(async (_d, rev) => {
      if (fail === 'io') throw Object.assign(new Error('disk full'), { code: 'INTERNAL' });
      if (fail === 'conflict') throw Object.assign(new Error('saved elsewhere'), { code: 'CONFLICT' });
      return { revision: rev + 1, updatedAt: 'now' };
    });
    a.changed(() => doc('x'));
    await a.flush();
    expect(statuses.at(-1)).toBe('error');
    expect(a.hasUnsavedChanges).toBe(true);
    fail = null;
    await a.flush();
    expect(statuses.at(-1)).toBe('saved');
    fail = 'conflict';
    a.changed(() => doc('y'));
    await a.flush();
    fail = null;
    a.changed(() => doc('z'));
    await a.flush();
    expect(statuses.at(-1)).toBe('error');
  });
});
