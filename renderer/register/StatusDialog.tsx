import { type FormEvent, useEffect, useState } from 'react';
import type { RegisterRow, StatusUpdate } from '../../shared/api';
import { type Rag, RAGS, type RecommendationStatus, STATUSES } from '../../shared/recommendations/status';
import { api } from '../lib/api';
import { useAction } from '../lib/useAsync';
import { clip, formatDay, formatWhen } from './format';
import { RagLabel } from './Rag';
import { SelectField } from './SelectField';
import { useModal } from './useModal';
import { ErrorAlert } from '../components/ErrorAlert';

const FIELD_LABELS: Record<StatusUpdate['changed'][number], string> = { status: 'status', rag: 'RAG', dueDate: 'due date', lead: 'lead contact', note: 'note' };

/** One recommendation's history, newest first: who, when, what. */
export function HistoryList({ history }: { history: StatusUpdate[] }) {
  if (history.length === 0) return <p className="muted">No status has been recorded yet: it counts as Not started.</p>;
  return (
    // Focusable: a long history scrolls inside the dialog, and keyboard users must be able to scroll it.
    <ol className="history" reversed tabIndex={0} aria-label="Status history, newest first">
      {[...history].reverse().map((h) => (
        <li key={h.seq}>
          <p className="history-head">
            <time dateTime={h.at}>{formatWhen(h.at)}</time>, {h.author}
            {h.changed.length > 0 && <span className="muted"> — changed {h.changed.map((c) => FIELD_LABELS[c]).join(', ')}</span>}
          </p>
          <dl className="history-state">
            <div>
              <dt>Status</dt>
              <dd>{h.status}</dd>
            </div>
            <div>
              <dt>RAG</dt>
              <dd>
                <RagLabel rag={h.rag} />
              </dd>
            </div>
            <div>
              <dt>Due</dt>
              <dd>{h.dueDate ? formatDay(h.dueDate) : <span className="muted">Not set</span>}</dd>
            </div>
            <div>
              <dt>Lead</dt>
              <dd>{h.lead ?? <span className="muted">Not set</span>}</dd>
            </div>
          </dl>
          {h.note && <p className="history-note">{h.note}</p>}
        </li>
      ))}
    </ol>
  );
}

/**
 * Records a status (appended to the history, never rewritten) and shows the history on demand.
 * Read-only projects get the history alone.
 */
export function StatusDialog({ row, readOnly, onClose, onSaved }: { row: RegisterRow; readOnly: boolean; onClose(): void; onSaved(row: RegisterRow): void }) {
  const dialog = useModal();
  const [status, setStatus] = useState<RecommendationStatus>(row.status);
  const [rag, setRag] = useState<Rag | ''>(row.rag ?? '');
  const [due, setDue] = useState(row.dueDate ?? '');
  const [lead, setLead] = useState(row.lead ?? '');
  const [note, setNote] = useState('');
  const [history, setHistory] = useState<StatusUpdate[] | null>(null);
  const [showHistory, setShowHistory] = useState(readOnly);
  const action = useAction();
  const load = useAction();

  useEffect(() => {
    if (showHistory && history === null) void load.run(async () => setHistory(await api['register.history']({ id: row.id })));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [showHistory, history, row.id]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const saved = await action.run(() =>
      api['register.setStatus']({ id: row.id, status, rag: rag || null, dueDate: due || null, lead: lead.trim() || null, ...(note.trim() ? { note } : {}) }),
    );
    if (saved) onSaved(saved);
  }

  const titleId = `status-title-${row.id}`;
  return (
    <dialog ref={dialog} className="dialog status-dialog" aria-labelledby={titleId} onClose={onClose}>
      <h2 id={titleId}>{readOnly ? 'Status history' : 'Update status'}</h2>
      <p className="dialog-rec">
        <span className="muted">{[row.chapter, row.section].filter(Boolean).join(' › ')}</span>
        <br />
        {clip(row.text, 300)} <strong>[{row.partners.join('/') || 'needs an owner'}]</strong>
      </p>
      {!readOnly && (
        <form onSubmit={(e) => void submit(e)}>
          <div className="form-grid">
            <SelectField label="Status" value={status} onChange={(e) => setStatus(e.target.value as RecommendationStatus)}>
              {STATUSES.map((s) => (
                <option key={s}>{s}</option>
              ))}
            </SelectField>
            <SelectField label="RAG rating" value={rag} onChange={(e) => setRag(e.target.value as Rag | '')}>
              <option value="">Not set</option>
              {RAGS.map((r) => (
                <option key={r}>{r}</option>
              ))}
            </SelectField>
            <label>
              Due date
              <input type="date" value={due} onChange={(e) => setDue(e.target.value)} />
            </label>
            <label>
              Lead contact
              <input value={lead} maxLength={200} onChange={(e) => setLead(e.target.value)} autoComplete="off" />
            </label>
          </div>
          <label>
            Progress note
            <textarea value={note} rows={4} maxLength={10_000} onChange={(e) => setNote(e.target.value)} aria-describedby={`${titleId}-note-hint`} />
          </label>
          <p className="hint" id={`${titleId}-note-hint`}>
            Saved with today’s date and your name. Earlier updates are kept as they were.
          </p>
          <ErrorAlert error={action.error} />
          <div className="dialog-buttons">
            <button type="submit" disabled={action.busy}>
              Save status
            </button>
            <button type="button" onClick={onClose}>
              Cancel
            </button>
          </div>
        </form>
      )}
      <section className="history-section" aria-labelledby={`${titleId}-history`}>
        <h3 id={`${titleId}-history`}>
          {readOnly ? (
            'History'
          ) : (
            <button type="button" className="link-button" aria-expanded={showHistory} aria-controls={`${titleId}-history-list`} onClick={() => setShowHistory((v) => !v)}>
              {showHistory ? 'Hide history' : `Show history (${row.updates} ${row.updates === 1 ? 'update' : 'updates'})`}
            </button>
          )}
        </h3>
        <div id={`${titleId}-history-list`} hidden={!showHistory}>
          <ErrorAlert error={load.error} />
          {showHistory && (history ? <HistoryList history={history} /> : <p aria-busy="true">Loading…</p>)}
        </div>
      </section>
      {readOnly && (
        <div className="dialog-buttons">
          <button type="button" onClick={onClose}>
            Close
          </button>
        </div>
      )}
    </dialog>
  );
}
