import { useEffect, useState } from 'react';
import type { DeletedChapter } from '../../shared/api/chapters';
import { api } from '../lib/api';

/**
 * Deleted chapters stay in the project file: listed here (newest first), each can be restored at
 * any time, not only from the "deleted" message while it shows. Reloaded when `version` changes.
 */
export function DeletedChapters({ version, onRestore }: { version: number; onRestore(id: string): void }) {
  const [list, setList] = useState<DeletedChapter[]>([]);
  const [open, setOpen] = useState(false);
  useEffect(() => {
    let live = true;
    api['chapters.deleted']({}).then(
      (l) => live && setList(l),
      () => live && setList([]),
    );
    return () => {
      live = false;
    };
  }, [version]);
  if (list.length === 0) return null;
  return (
    <div className="deleted-chapters">
      <button type="button" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
        Deleted chapters ({list.length})
      </button>
      {open && (
        <ul aria-label="Deleted chapters">
          {list.map((c) => (
            <li key={c.id}>
              <span>{c.title}</span>{' '}
              <button type="button" onClick={() => onRestore(c.id)} aria-label={`Restore “${c.title}”`}>
                Restore
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
