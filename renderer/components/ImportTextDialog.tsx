import { type FormEvent, useEffect, useRef, useState } from 'react';
import { api } from '../lib/api';
import { useAction } from '../lib/useAsync';
import { ErrorAlert } from './ErrorAlert';

/**
 * Brings an existing JSNA in: paste text or choose a .txt file. Paragraphs ending in partner tags
 * such as [CCG/UHL/LA] become recommendations; short title-like lines become headings.
 */
export function ImportTextDialog({ onClose, onImported }: { onClose(): void; onImported(chapterId: string): void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const [all, setAll] = useState(false);
  const action = useAction();

  useEffect(() => {
    dialog.current?.showModal();
  }, []);

  async function chooseFile(file: File | undefined) {
    if (!file) return;
    setText(await file.text());
    if (!title) setTitle(file.name.replace(/\.[^.]+$/, ''));
  }
  async function submit(e: FormEvent) {
    e.preventDefault();
    const result = await action.run(() => api['chapters.importText']({ title, text, allRecommendations: all }));
    if (result) onImported(result.chapterId);
  }

  return (
    <dialog ref={dialog} className="dialog" aria-labelledby="import-heading" onCancel={onClose}>
      <form onSubmit={(e) => void submit(e)}>
        <h2 id="import-heading">Import text as a new chapter</h2>
        <label>
          Chapter title
          <input value={title} onChange={(e) => setTitle(e.target.value)} required maxLength={300} />
        </label>
        <label>
          Text file
          <input type="file" accept=".txt,text/plain" onChange={(e) => void chooseFile(e.target.files?.[0])} />
        </label>
        <label>
          Or paste the text
          <textarea value={text} onChange={(e) => setText(e.target.value)} rows={10} required />
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={all} onChange={(e) => setAll(e.target.checked)} /> Treat every paragraph as a recommendation
        </label>
        <ErrorAlert error={action.error} />
        <div className="dialog-buttons">
          <button type="submit" disabled={action.busy}>
            Import
          </button>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </dialog>
  );
}
