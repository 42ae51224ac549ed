import { type FormEvent, useEffect, useRef, useState } from 'react';
import type { ProjectMetadata } from '../../shared/api/project';
import { api } from '../lib/api';
import { useAction } from '../lib/useAsync';
import { ErrorAlert } from './ErrorAlert';

const FIELDS: { key: keyof ProjectMetadata; label: string; hint?: string; max: number }[] = [
  { key: 'title', label: 'Title', max: 300 },
  { key: 'area', label: 'Area', hint: 'e.g. Leicester City', max: 300 },
  { key: 'authors', label: 'Authors', hint: 'e.g. Public Health Intelligence team', max: 1000 },
  { key: 'version', label: 'Version', hint: 'e.g. Draft 2 for the Health and Wellbeing Board', max: 100 },
];

/** The project's title page (title, area, authors, version), saved into the project file together. */
export function ProjectDetailsDialog({ onClose }: { onClose(): void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [meta, setMeta] = useState<ProjectMetadata | null>(null);
  const [saved, setSaved] = useState(false);
  const action = useAction();

  useEffect(() => {
    dialog.current?.showModal();
    void action.run(async () => setMeta(await api['project.metadata']({})));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!meta) return;
    setSaved(false);
    const result = await action.run(() => api['project.setMetadata'](meta));
    if (result) {
      setMeta(result);
      setSaved(true);
    }
  }

  return (
    <dialog ref={dialog} className="dialog" aria-labelledby="details-heading" onCancel={onClose}>
      <form onSubmit={(e) => void submit(e)}>
        <h2 id="details-heading">Project details</h2>
        <p className="hint">Shown on the title page of every export.</p>
        {meta &&
          FIELDS.map((f) => (
            <label key={f.key}>
              {f.label}
              <input
                value={meta[f.key]}
                maxLength={f.max}
                required={f.key === 'title'}
                placeholder={f.hint}
                onChange={(e) => {
                  setSaved(false);
                  setMeta({ ...meta, [f.key]: e.target.value });
                }}
              />
            </label>
          ))}
        <ErrorAlert error={action.error} />
        {saved && <p role="status">Saved in the project file.</p>}
        <div className="dialog-buttons">
          <button type="submit" disabled={action.busy || !meta}>
            Save details
          </button>
          <button type="button" onClick={onClose}>
            Close
          </button>
        </div>
      </form>
    </dialog>
  );
}
