import { type FormEvent, useEffect, useState } from 'react';
import type { ProjectInfo, RecentProject } from '../../shared/api';
import { api, inElectron } from '../lib/api';
import { formatDate } from '../lib/formatDate';
import { useAction } from '../lib/useAsync';
import { DamagedProject } from './DamagedProject';
import { ErrorAlert } from './ErrorAlert';
import { FolderBrowser } from './FolderBrowser';
import { projectFileIn } from './projectPaths';

/**
 * Create a new project file, or open one: from the recent list, by choosing it (the system's dialog
 * in the app; a folder browser of the home folder in browser mode), or by typing its path.
 * Read-only when someone else has it.
 */
export function ProjectPicker({ onOpened }: { onOpened: (p: ProjectInfo) => void }) {
  const [newPath, setNewPath] = useState('');
  const [title, setTitle] = useState('');
  const [openPath, setOpenPath] = useState('');
  const [recent, setRecent] = useState<RecentProject[]>([]);
  const [browsing, setBrowsing] = useState<'open' | 'folder' | null>(null);
  const create = useAction();
  const open = useAction();

  useEffect(() => {
    api['project.recent']({}).then(setRecent, () => setRecent([]));
  }, []);

  async function onCreate(e: FormEvent) {
    e.preventDefault();
    const info = await create.run(() => api['project.create']({ path: newPath, title }));
    if (info) onOpened(info);
  }
  async function doOpen(readOnly: boolean, path = openPath) {
    setOpenPath(path);
    const info = await open.run(() => api['project.open']({ path, readOnly }));
    if (info) onOpened(info);
  }
  /** The app: the system's dialog. Browser mode: the folder browser. */
  async function choose(purpose: 'open' | 'create') {
    if (!inElectron) return setBrowsing(purpose === 'open' ? 'open' : 'folder');
    const action = purpose === 'open' ? open : create;
    const chosen = await action.run(() => api['project.choosePath']({ purpose, ...(title.trim() ? { suggestedName: title } : {}) }));
    if (!chosen?.path) return;
    if (purpose === 'open') await doOpen(false, chosen.path);
    else setNewPath(chosen.path);
  }

  return (
    <main className="picker">
      <h1>JSNA Studio</h1>
      <p>Write a Joint Strategic Needs Assessment: chapters, live indicator charts and partner-owned recommendations, in one project file.</p>
      {recent.length > 0 && (
        <section aria-labelledby="recent-heading" className="recent-projects">
          <h2 id="recent-heading">Recent projects</h2>
          <ul>
            {recent.map((r) => (
              <li key={r.path}>
                <button type="button" disabled={!r.exists || open.busy} onClick={() => void doOpen(false, r.path)}>
                  Open {r.title || r.path}
                </button>{' '}
                <span className="recent-path">{r.path}</span>
                <span className="muted"> · {r.exists ? `opened ${formatDate(r.openedAt)}` : 'not found: moved, deleted or on a drive not connected'}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <div className="picker-forms">
        <form onSubmit={onCreate} aria-labelledby="create-heading">
          <h2 id="create-heading">Create a project</h2>
          <label>
            Title
            <input name="title" value={title} onChange={(e) => setTitle(e.target.value)} required maxLength={300} />
          </label>
          <label>
            Project file
            <input name="newPath" value={newPath} onChange={(e) => setNewPath(e.target.value)} placeholder="/path/to/Children JSNA.jsna" required />
          </label>
          <button type="button" onClick={() => void choose('create')}>
            {inElectron ? 'Choose where to save…' : 'Choose a folder…'}
          </button>
          {browsing === 'folder' && (
            <FolderBrowser
              mode="folder"
              onFolder={(folder) => {
                setNewPath(projectFileIn(folder, title));
                setBrowsing(null);
              }}
              onClose={() => setBrowsing(null)}
            />
          )}
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
          <button type="button" onClick={() => void choose('open')}>
            {inElectron ? 'Choose a project file…' : 'Browse for a project…'}
          </button>
          {browsing === 'open' && (
            <FolderBrowser
              mode="open"
              onProject={(path) => {
                setBrowsing(null);
                void doOpen(false, path);
              }}
              onClose={() => setBrowsing(null)}
            />
          )}
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
