import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ProjectInfo } from '../../../../../shared/api/project';
import { addChapter } from '../../../../../electron/services/documents/chapters';
import { createProject, openProject } from '../../../../../electron/services/project/project';
import { dispatch } from '../../../../../electron/services/rpc/dispatch';
import { Session } from '../../../../../electron/services/rpc/session';
import { useTempDir } from '../../../../helpers/tmp';

describe('chapters.save remembers the last edited chapter in the project', () => {
  const tmp = useTempDir();
  let session: Session | null = null;
  afterEach(() => session?.close());

  it('each save makes its chapter the last edited one, kept in the file for the next open', async () => {
    const path = join(tmp(), 'last.jsna');
    const p = createProject(path, 'Last');
    const ids = ['A', 'B', 'C'].map((t) => addChapter(p, t).id);
    expect(p.info().lastChapterId).toBeNull();
    p.close();
    session = new Session();
    session.setProject(openProject(path));
    for (const id of [ids[1]!, ids[2]!, ids[0]!]) {
      const { revision } = (await dispatch('chapters.get', { id }, { session })) as { revision: number };
      await dispatch('chapters.save', { id, doc: { type: 'doc', content: [{ type: 'paragraph' }] }, baseRevision: revision }, { session });
      expect(((await dispatch('project.current', {}, { session })) as ProjectInfo).lastChapterId).toBe(id);
    }
    session.setProject(null);
    const reader = openProject(path, { readOnly: true });
    expect(reader.info().lastChapterId).toBe(ids[0]);
    reader.close();
  });
});
