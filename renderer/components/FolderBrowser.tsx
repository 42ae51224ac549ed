import { useEffect, useState } from 'react';
import type { FolderListing } from '../../shared/api/files';
import { api } from '../lib/api';
import { useAction } from '../lib/useAsync';
import { ErrorAlert } from './ErrorAlert';

/**
 * Browser mode's stand-in for the system's file dialog: the local server lists folders and *.jsna
 * files inside the home folder only. `open`: choose a project; `folder`: choose where a new one goes.
 */
export function FolderBrowser({ mode, onProject, onFolder, onClose }: { mode: 'open' | 'folder'; onProject?(path: string): void; onFolder?(path: string): void; onClose(): void }) {
  const [listing, setListing] = useState<FolderListing | null>(null);
  const action = useAction();
  const go = (path?: string) => void action.run(async () => setListing(await api['files.list'](path ? { path } : {})));
  useEffect(() => go(), []); // eslint-disable-line react-hooks/exhaustive-deps

  const label = mode === 'open' ? 'Browse for a project' : 'Choose a folder for the new project';
  return (
    <section className="folder-browser" aria-label={label}>
      <h3>{label}</h3>
      {listing && (
        <p className="folder-path">
          In <span className="path">{listing.path}</span>
        </p>
      )}
      <ErrorAlert error={action.error} />
      <ul className="folder-entries">
        {listing?.parent && (
          <li>
            <button type="button" onClick={() => go(listing.parent!)}>
              Up to the folder above
            </button>
          </li>
        )}
        {listing?.entries.map((e) => (
          <li key={e.path}>
            {e.kind === 'folder' ? (
              <button type="button" className="folder" onClick={() => go(e.path)}>
                Folder: {e.name}
              </button>
            ) : mode === 'open' ? (
              <button type="button" className="project-file" onClick={() => onProject?.(e.path)}>
                Open {e.name}
              </button>
            ) : (
              <span className="muted">{e.name}</span>
            )}
          </li>
        ))}
        {listing && listing.entries.length === 0 && <li className="muted">No folders or projects here.</li>}
      </ul>
      <div className="form-actions">
        {mode === 'folder' && listing && (
          <button type="button" onClick={() => onFolder?.(listing.path)}>
            Use this folder
          </button>
        )}
        <button type="button" onClick={onClose}>
          Close the folder browser
        </button>
      </div>
    </section>
  );
}
