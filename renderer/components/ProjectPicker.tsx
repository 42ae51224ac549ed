import { type FormEvent, useState } from 'react';
import type { ProjectInfo } from '../../shared/api';
import { api } from '../lib/api';
import { useAction } from '../lib/useAsync';
import { DamagedProject } from './DamagedProject';
import { ErrorAlert } from './ErrorAlert';

/** Create a new project file, or open one by its path (read-only when someone else has it). */
export function ProjectPicker({ onOpened }: { onOpened: (p: ProjectInfo) => void }) {
  const [newPath, setNewPath] = useState('');
  const [title, setTitle] = useState('');
  const [openPath, setOpenPath] = useState('');
  const create = useAction();
  const open = useAction();

  async function onCreate(e: FormEvent) {
    e.preventDefault();
    const info = await create.run(() => api['project.create']({ path: newPath, title }));
    if (info) onOpened(info);
  }
  async function doOpen(readOnly: boolean) {
    const info = await open.run(() => api['project.open']({ path: openPath, readOnly }));
    if (info) onOpened(info);
  }

  return (
    <main className="picker">
      <h1>JSNA Studio</h1>
      <p>Write a Joint Strategic Needs Assessment: chapters, live indicator charts and partner-owned recommendations, in one project file.</p>
      <div className="picker-forms">
        <form onSubmit={onCreate} aria-labelledby="create-heading">
          <h2 id="create-heading">Create a project</h2>
          <label>
            Project file
            <input name="newPath" value={newPath} onChange={(e) => setNewPath(e.target.value)} placeholder="/path/to/Children JSNA.jsna" required />
          </label>
          <label>
            Title
            <input name="title" value={title} onChange={(e) => setTitle(e.target.value)} required maxLength={300} />
          </label>
          <button type="submit" disabled={create.busy}>Create project</button>
          <ErrorAlert error={create.error} />
        </form>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void doOpen(false);
          }}
          aria-labelledby="open-heading"
        >
          <h2 id="open-heading">Open a project</h2>
          <label>
            Project file
            <input name="openPath" value={openPath} onChange={(e) => setOpenPath(e.target.value)} placeholder="/path/to/project.jsna" required />
          </label>
          <button type="submit" disabled={open.busy}>Open project</button>
          {open.error?.code === 'DAMAGED' && <DamagedProject path={openPath} message={open.error.message} onOpened={onOpened} />}
          {open.error && open.error.code !== 'DAMAGED' && (
            <div role="alert" className="error">
              <p>{open.error.message}</p>
              {open.error.code === 'LOCKED' && (
                <button type="button" onClick={() => void doOpen(true)}>
                  Open read-only
                </button>
              )}
            </div>
          )}
        </form>
      </div>
    </main>
  );
}
