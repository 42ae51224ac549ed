import { type DragEvent, type FormEvent, type KeyboardEvent, useState } from 'react';
import type { OutlineEntry } from '../../shared/api';

interface Props {
  outline: OutlineEntry[];
  selected: string | null;
  readOnly: boolean;
  onSelect(id: string, heading?: number): void;
  onAdd(title: string): Promise<void>;
  onRename(id: string, title: string): Promise<void>;
  onMove(id: string, toPosition: number): Promise<void>;
  onDelete(id: string): Promise<void>;
}

/**
 * The project outline: chapters (reorder by drag or Alt+↑/↓, rename, delete) and their headings.
 */
export function ChapterList({ outline, selected, readOnly, onSelect, onAdd, onRename, onMove, onDelete }: Props) {
  const [newTitle, setNewTitle] = useState('');
  const [editing, setEditing] = useState<string | null>(null);
  const [draft, setDraft] = useState('');
  const [dragging, setDragging] = useState<string | null>(null);
  const [announce, setAnnounce] = useState('');
  /** Why the last Add or Save did nothing (a blank title), shown beside its form; `n` counts the tries. */
  const [problem, setProblemState] = useState<{ form: string; text: string; n: number } | null>(null);
  // Each try shows the message anew (a new element), so a screen reader says it again.
  const setProblem = (p: { form: string; text: string } | null) => setProblemState((old) => (p ? { ...p, n: (old?.n ?? 0) + 1 } : null));

  async function submitNew(e: FormEvent) {
    e.preventDefault();
    if (!newTitle.trim()) {
      setProblem({ form: 'new', text: 'Type a title for the new chapter first: no chapter was added.' });
      return;
    }
    setProblem(null);
    await onAdd(newTitle.trim());
    setNewTitle('');
  }
  async function submitRename(e: FormEvent, c: OutlineEntry) {
    e.preventDefault();
    if (!draft.trim()) {
      // The editor stays open: type a title, or Escape to keep “…”.
      setProblem({ form: c.id, text: `A chapter needs a title: type one, or press Escape to keep “${c.title}”.` });
      return;
    }
    setProblem(null);
    await onRename(c.id, draft.trim());
    setEditing(null);
  }
  function startRename(c: OutlineEntry) {
    setProblem(null);
    setDraft(c.title);
    setEditing(c.id);
  }
  const problemFor = (form: string) =>
    problem?.form === form ? (
      <p key={problem.n} className="error form-problem" role="alert" id={`problem-${form}`}>
        {problem.text}
      </p>
    ) : null;
  async function move(id: string, to: number, title: string) {
    if (to < 1 || to > outline.length) return;
    await onMove(id, to);
    setAnnounce(`${title} moved to position ${to} of ${outline.length}.`);
  }
  function onKey(e: KeyboardEvent, c: OutlineEntry) {
    if (readOnly || !e.altKey) return;
    if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
      e.preventDefault();
      void move(c.id, c.position + (e.key === 'ArrowUp' ? -1 : 1), c.title);
    }
  }
  function onDrop(e: DragEvent, target: OutlineEntry) {
    e.preventDefault();
    const id = dragging;
    setDragging(null);
    const moved = outline.find((c) => c.id === id);
    if (moved && moved.id !== target.id) void move(moved.id, target.position, moved.title);
  }

  return (
    <nav className="chapters" aria-label="Chapters">
      <h2 id="chapters-heading">Chapters</h2>
      {!readOnly && <p className="hint">Drag to reorder, or Alt+↑/↓ on a chapter.</p>}
      <ol aria-labelledby="chapters-heading">
        {outline.map((c) => (
          <li
            key={c.id}
            draggable={!readOnly && editing !== c.id}
            onDragStart={() => setDragging(c.id)}
            onDragOver={(e) => dragging && e.preventDefault()}
            onDrop={(e) => onDrop(e, c)}
            className={dragging === c.id ? 'dragging' : undefined}
          >
            {editing === c.id ? (
              <form onSubmit={(e) => void submitRename(e, c)}>
                <label className="visually-hidden" htmlFor={`rename-${c.id}`}>
                  New title for {c.title}
                </label>
                <input
                  id={`rename-${c.id}`}
                  value={draft}
                  autoFocus
                  maxLength={300}
                  aria-describedby={problem?.form === c.id ? `problem-${c.id}` : undefined}
                  onChange={(e) => setDraft(e.target.value)}
                  onKeyDown={(e) => {
                    if (e.key !== 'Escape') return;
                    setProblem(null);
                    setEditing(null);
                  }}
                />
                <button type="submit">Save title</button>
                {problemFor(c.id)}
              </form>
            ) : (
              <div className="chapter-row">
                <button
                  type="button"
                  className="chapter-link"
                  aria-current={c.id === selected ? 'page' : undefined}
                  aria-keyshortcuts={readOnly ? undefined : 'Alt+ArrowUp Alt+ArrowDown'}
                  onClick={() => onSelect(c.id)}
                  onKeyDown={(e) => onKey(e, c)}
                  onDoubleClick={() => {
                    if (!readOnly) startRename(c);
                  }}
                >
                  {c.title}
                </button>
                {!readOnly && (
                  <>
                    <button
                      type="button"
                      className="icon"
                      aria-label={`Rename ${c.title}`}
                      title="Rename"
                      onClick={() => startRename(c)}
                    >
                      ✎
                    </button>
                    <button type="button" className="icon" aria-label={`Delete ${c.title}`} title="Delete" onClick={() => void onDelete(c.id)}>
                      ✕
                    </button>
                  </>
                )}
              </div>
            )}
            {c.headings.length > 0 && (
              <ul className="outline-headings" aria-label={`Headings in ${c.title}`}>
                {c.headings.map((h, i) => (
                  <li key={i} style={{ paddingLeft: `${(h.level - 1) * 0.6}rem` }}>
                    <button type="button" className="heading-link" onClick={() => onSelect(c.id, i)}>
                      {h.text}
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
      <p className="visually-hidden" role="status" aria-live="polite">
        {announce}
      </p>
      {!readOnly && (
        <form onSubmit={(e) => void submitNew(e)} className="add-chapter">
          <label htmlFor="new-chapter-title">New chapter</label>
          <input
            id="new-chapter-title"
            value={newTitle}
            maxLength={300}
            aria-describedby={problem?.form === 'new' ? 'problem-new' : undefined}
            onChange={(e) => setNewTitle(e.target.value)}
            placeholder="Chapter title"
          />
          <button type="submit">Add chapter</button>
          {problemFor('new')}
        </form>
      )}
    </nav>
  );
}
