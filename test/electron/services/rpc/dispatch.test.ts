import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { contract, methodNames } from '../../../../shared/api';
import { dispatch, dispatchEnvelope } from '../../../../electron/services/rpc/dispatch';
import { handlers } from '../../../../electron/services/rpc/handlers';
import { Session } from '../../../../electron/services/rpc/session';
import { useTempDir } from '../../../helpers/tmp';

describe('dispatch: one contract, validated', () => {
  const tmp = useTempDir();
  const session = new Session();
  afterEach(() => session.close());

  it('has a schema and a handler for exactly the declared methods', () => {
    expect(Object.keys(contract).sort()).toEqual([...methodNames].sort());
    expect(Object.keys(handlers).sort()).toEqual([...methodNames].sort());
  });

  it('rejects an invalid payload with a readable error naming the field', async () => {
    const env = await dispatchEnvelope('chapters.rename', { id: 'not-a-uuid', title: '' }, { session });
    expect(env).toEqual({
      ok: false,
      error: {
        code: 'BAD_INPUT',
        message: 'Invalid input for chapters.rename: id: not a chapter id; title: a chapter title is required',
        details: { method: 'chapters.rename' },
      },
    });
  });

  it('rejects wrong types and unknown methods', async () => {
    await expect(dispatch('project.create', { path: 42, title: 'x' }, { session })).rejects.toThrow(/path: Invalid input: expected string, received number/);
    await expect(dispatch('project.delete', {}, { session })).rejects.toThrow(/Unknown method "project.delete"/);
    await expect(dispatch('__proto__', {}, { session })).rejects.toThrow(/Unknown method/);
  });

  it('says so when no project is open', async () => {
    const env = await dispatchEnvelope('chapters.list', {}, { session });
    expect(env).toMatchObject({ ok: false, error: { code: 'NO_PROJECT' } });
  });

  it('runs the slice end to end and emits project-changed', async () => {
    const events: string[] = [];
    session.onEvent((e) => events.push(e.type));
    const info = await dispatch('project.create', { path: join(tmp(), 'x.jsna'), title: '  Trimmed  ' }, { session });
    expect(info).toMatchObject({ title: 'Trimmed', readOnly: false });
    const ch = (await dispatch('chapters.add', { title: 'Intro' }, { session })) as { id: string };
    await dispatch('chapters.save', { id: ch.id, doc: { type: 'doc', content: [{ type: 'paragraph' }] }, baseRevision: 1 }, { session });
    expect(await dispatch('chapters.get', { id: ch.id }, { session })).toMatchObject({ revision: 2 });
    expect(events).toContain('project-changed');
  });

  it('chapters.save refuses a document that does not fit the editor schema, keeping the saved one', async () => {
    await dispatch('project.create', { path: join(tmp(), 's.jsna'), title: 'S' }, { session });
    const ch = (await dispatch('chapters.add', { title: 'Intro' }, { session })) as { id: string };
    const bad = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'blink' }] }] }] };
    const env = await dispatchEnvelope('chapters.save', { id: ch.id, doc: bad, baseRevision: 1 }, { session });
    expect(env).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT', message: 'doc: the document does not fit the editor schema: doc.content[0].content[0].marks[0]: unknown mark "blink".' },
    });
    expect(await dispatch('chapters.get', { id: ch.id }, { session })).toMatchObject({ revision: 1, doc: { type: 'doc', content: [{ type: 'paragraph' }] } });
  });
});
