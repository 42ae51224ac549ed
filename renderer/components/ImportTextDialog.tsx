import { type FormEvent, useEffect, useRef, useState } from 'react';
import { api } from '../lib/api';
import { useAction } from '../lib/useAsync';
import { ErrorAlert } from './ErrorAlert';

/** The open chapter, which the text can go into at the cursor instead of a new chapter. */
export interface ImportTarget {
  title: string;
  insert(text: string, allRecommendations: boolean): Promise<unknown>;
}

/**
 * Brings an existing JSNA in: paste text or choose a .txt file. Paragraphs ending in partner tags
 * such as [CCG/UHL/LA] become recommendations; short title-like lines become headings. The text
 * becomes a new chapter, or goes into the open chapter at the cursor (after any selection).
 */
export function ImportTextDialog({ target, onClose, onImported }: { target?: ImportTarget | null; onClose(): void; onImported(chapterId: string | null): void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const [all, setAll] = useState(false);
  const [into, setInto] = useState<'new' | 'current'>('new');
  const action = useAction();
  const intoCurrent = into === 'current' && Boolean(target);

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
    if (intoCurrent && target) {
      const done = await action.run(async () => {
        await target.insert(text, all);
        return true;
      });
      if (done) onImported(null);
      return;
    }
    const result = await action.run(() => api['chapters.importText']({ title, text, allRecommendations: all }));
    if (result) onImported(result.chapterId);
  }

  return (
    <dialog ref={dialog} className="dialog" aria-labelledby="import-heading" onCancel={onClose}>
      <form onSubmit={(e) => void submit(e)}>
        <h2 id="import-heading">{intoCurrent && target ? `Import text into “${target.title}”` : 'Import text as a new chapter'}</h2>
        {target && (
          <fieldset>
            <legend>Where the text goes</legend>
            <label className="checkbox">
              <input type="radio" name="import-into" checked={!intoCurrent} onChange={() => setInto('new')} /> A new chapter
            </label>
            <label className="checkbox">
              <input type="radio" name="import-into" checked={intoCurrent} onChange={() => setInto('current')} /> Into “{target.title}” at the cursor
            </label>
          </fieldset>
        )}
        {!intoCurrent && (
          <label>
            Chapter title
            <input value={title} onChange={(e) => setTitle(e.target.value)} required maxLength={300} />
          </label>
        )}
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
