import { describe, expect, it } from 'vitest';
import { setProjectDialogs } from '../../../../electron/services/project/projectDialogs';
import { dispatch } from '../../../../electron/services/rpc/dispatch';
import { Session } from '../../../../electron/services/rpc/session';

describe('project.choosePath: the app’s native dialogs, none in browser mode', () => {
  it('says unsupported without dialogs (browser mode), and passes on what the dialog chose, each time', async () => {
    const session = new Session();
    expect(await dispatch('project.choosePath', { purpose: 'open' }, { session })).toEqual({ supported: false, path: null });
    const asked: [string, string | undefined][] = [];
    const answers = ['/home/a/One.jsna', null, '/home/a/Three.jsna'];
    setProjectDialogs(session, {
      choose: async (purpose, suggestedName) => {
        asked.push([purpose, suggestedName]);
        return answers[asked.length - 1] ?? null;
      },
    });
    expect(await dispatch('project.choosePath', { purpose: 'open' }, { session })).toEqual({ supported: true, path: '/home/a/One.jsna' });
    expect(await dispatch('project.choosePath', { purpose: 'create', suggestedName: 'Two' }, { session })).toEqual({ supported: true, path: null });
    expect(await dispatch('project.choosePath', { purpose: 'create', suggestedName: 'Three' }, { session })).toEqual({ supported: true, path: '/home/a/Three.jsna' });
    expect(asked).toEqual([
      ['open', undefined],
      ['create', 'Two'],
      ['create', 'Three'],
    ]);
    await expect(dispatch('project.choosePath', { purpose: 'delete' }, { session })).rejects.toMatchObject({ code: 'BAD_INPUT' });
    session.close();
  });
});
