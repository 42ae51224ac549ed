import { type FormEvent, useState } from 'react';
import type { ChapterSummary } from '../../shared/api';

interface Props {
  chapters: ChapterSummary[];
  selected: string | null;
  readOnly: boolean;
  onSelect(id: string): void;
  onAdd(title: string): Promise<void>;
  onRename(id: string, title: string): Promise<void>;
}

export function ChapterList({ chapters, selected, readOnly, onSelect, onAdd, onRename }: Props) {
  const [newTitle, setNewTitle] = useState('');
  const [editing, setEditing] = useState<string | null>(null);
  const [draft, setDraft] = useState('');

  async function submitNew(e: FormEvent) {
    e.preventDefault();
    if (!newTitle.trim()) return;
    await onAdd(newTitle.trim());
    setNewTitle('');
  }
  async function submitRename(e: FormEvent, id: string) {
    e.preventDefault();
    if (draft.trim()) await onRename(id, draft.trim());
    setEditing(null);
  }

  return (
    <nav className="chapters" aria-label="Chapters">
      <h2>Chapters</h2>
      <ol>
        {chapters.map((c) => (
          <li key={c.id}>
            {editing === c.id ? (
              <form onSubmit={(e) => void submitRename(e, c.id)}>
                <label className="visually-hidden" htmlFor={`rename-${c.id}`}>
                  New title for {c.title}
                </label>
                <input
                  id={`rename-${c.id}`}
                  value={draft}
                  autoFocus
                  maxLength={300}
                  onChange={(e) => setDraft(e.target.value)}
                  onKeyDown={(e) => e.key === 'Escape' && setEditing(null)}
                />
                <button type="submit">Save title</button>
              </form>
            ) : (
              <div className="chapter-row">
                <button
                  type="button"
                  className="chapter-link"
                  aria-current={c.id === selected ? 'page' : undefined}
                  onClick={() => onSelect(c.id)}
                  onDoubleClick={() => {
                    if (readOnly) return;
                    setDraft(c.title);
                    setEditing(c.id);
                  }}
                >
                  {c.title}
                </button>
                {!readOnly && (
                  <button
                    type="button"
                    className="icon"
                    aria-label={`Rename ${c.title}`}
                    onClick={() => {
                      setDraft(c.title);
                      setEditing(c.id);
                    }}
                  >
                    ✎
                  </button>
                )}
              </div>
            )}
          </li>
        ))}
      </ol>
      {!readOnly && (
        <form onSubmit={(e) => void submitNew(e)} className="add-chapter">
          <label htmlFor="new-chapter-title">New chapter</label>
          <input id="new-chapter-title" value={newTitle} maxLength={300} onChange={(e) => setNewTitle(e.target.value)} placeholder="Chapter title" />
          <button type="submit">Add chapter</button>
        </form>
      )}
    </nav>
  );
}
