import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getMetadata, setMetadata } from '../../../../electron/services/project/metadata';
import { createProject, openProject } from '../../../../electron/services/project/project';
import { useTempDir } from '../../../helpers/tmp';

describe('project metadata (the title page), stored in the project file', () => {
  const tmp = useTempDir();

  it('sets title, area, authors and version together, and keeps them across a reopen', () => {
    const path = join(tmp(), 'm.jsna');
    const p = createProject(path, 'First');
    expect(getMetadata(p)).toEqual({ title: 'First', area: '', authors: '', version: '' });
    setMetadata(p, { title: 'Second', area: 'Leicester', authors: 'PH team', version: '1.0' });
    setMetadata(p, { title: 'Third', area: 'Leicester', authors: 'PH team', version: '1.1' });
    p.close();
    const q = openProject(path);
    expect(getMetadata(q)).toEqual({ title: 'Third', area: 'Leicester', authors: 'PH team', version: '1.1' });
    expect(q.info().title).toBe('Third');
    q.close();
  });

  it('is refused read-only, changing nothing', () => {
    const path = join(tmp(), 'r.jsna');
    createProject(path, 'Kept').close();
    const r = openProject(path, { readOnly: true });
    expect(() => setMetadata(r, { title: 'No', area: '', authors: '', version: '' })).toThrow(/read-only/);
    expect(getMetadata(r).title).toBe('Kept');
    r.close();
  });
});
