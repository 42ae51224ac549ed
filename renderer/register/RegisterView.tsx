import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ChapterSummary, PartnerSummary, RegisterQuery, RegisterResult, RegisterRow, RegisterSortKey } from '../../shared/api';
import { type RecommendationStatus, STATUSES } from '../../shared/recommendations/status';
import type { FocusTarget } from '../components/ProjectView';
import { api, onEvent } from '../lib/api';
import { useAction } from '../lib/useAsync';
import { downloadText } from './download';
import { clip, formatDay, formatWhen } from './format';
import { PartnerCounts } from './PartnerCounts';
import { PartnerDirectory } from './PartnerDirectory';
import { RagLabel } from './Rag';
import { SelectField } from './SelectField';
import { StatusDialog } from './StatusDialog';
import { ErrorAlert } from '../components/ErrorAlert';
import { COLUMNS, type Filters, loadSaved, NO_FILTERS, type Saved, STORAGE_KEY, toQuery, useDebounced } from './registerFilters';

/**
 * The recommendations register: every recommendation across chapters with its owners and latest
 * status; filters, sort, counts per partner, status updates with history, per-partner action
 * lists, and the partner directory.
 */
export function RegisterView({ readOnly, onOpenRecommendation }: { readOnly: boolean; onOpenRecommendation(target: FocusTarget): void }) {
  const [view, setView] = useState<'register' | 'directory'>('register');
  const [{ filters, sort }, setSaved] = useState<Saved>(loadSaved);
  const [data, setData] = useState<RegisterResult | null>(null);
  // The filters and sort the rows on screen were fetched for: headings, captions and counts describe
  // what is shown, never a request still in flight.
  const [shown, setShown] = useState<{ key: string; view: Saved } | null>(null);
  const [partners, setPartners] = useState<PartnerSummary[]>([]);
  const [chapters, setChapters] = useState<ChapterSummary[]>([]);
  const [editing, setEditing] = useState<RegisterRow | null>(null);
  const [announce, setAnnounce] = useState('');
  // The recommendation whose status was just saved: once the rows reload, focus goes back to its
  // button, or — when the filters now hide it — to the table, never lost to the page.
  const [returnFocusTo, setReturnFocusTo] = useState<{ id: string; before: typeof shown } | null>(null);
  const tableRegion = useRef<HTMLDivElement>(null);
  const [version, setVersion] = useState(0);
  const search = useDebounced(filters.search, 250);
  const action = useAction();
  const exporting = useAction();

  useEffect(() => {
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify({ filters, sort }));
  }, [filters, sort]);

  const setFilters = (patch: Partial<Filters>) => setSaved((s) => ({ ...s, filters: { ...s.filters, ...patch } }));
  const query = useMemo(() => toQuery(filters, search), [filters, search]);
  const requestKey = JSON.stringify([query, filters.includeRemoved, sort]);

  useEffect(() => {
    let live = true;
    void action.run(async () => {
      const [result, directory, chapterList] = await Promise.all([
        api['register.list']({ ...query, includeRemoved: filters.includeRemoved, sortBy: sort.by, sortDir: sort.dir }),
        api['partners.list']({}),
        api['chapters.list']({}),
      ]);
      if (!live) return;
      setData(result);
      setShown({ key: requestKey, view: { filters, sort } });
      setPartners(directory);
      setChapters(chapterList);
    });
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [query, filters.includeRemoved, sort, version]);

  useEffect(() => {
    if (returnFocusTo === null || shown === returnFocusTo.before) return; // the rows have not reloaded yet
    setReturnFocusTo(null);
    const active = document.activeElement;
    if (active && active !== document.body && active.isConnected) return; // still on its button, or the author has moved on
    const button = tableRegion.current?.querySelector<HTMLButtonElement>(`button[data-status-of="${CSS.escape(returnFocusTo.id)}"]`);
    (button ?? tableRegion.current)?.focus();
  }, [returnFocusTo, shown]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  useEffect(() => onEvent((e) => (e.type === 'register-changed' || e.type === 'project-changed') && reload()), [reload]);

  function sortBy(key: RegisterSortKey) {
    setSaved((s) => ({ ...s, sort: { by: key, dir: s.sort.by === key && s.sort.dir === 'asc' ? 'desc' : 'asc' } }));
  }

  async function exportAs(format: 'csv' | 'html') {
    const file = await exporting.run(() => api['register.export']({ ...query, format }));
    if (file) {
      downloadText(file.filename, file.mimeType, file.content);
      setAnnounce(`Downloaded ${file.filename}.`);
    }
  }

  function open(row: { chapterId: string; id: string; inDocument: boolean }) {
    if (row.inDocument) onOpenRecommendation({ chapterId: row.chapterId, recommendationId: row.id });
  }

  const rows = data?.rows ?? [];
  const shownFilters = shown?.view.filters ?? filters;
  const shownSort = shown?.view.sort ?? sort;
  const loading = shown?.key !== requestKey;
  const partnerLabel = shownFilters.partner || 'all partners';
  const successorNote = data && data.partnerCodes.length > 1 ? ` (including ${data.partnerCodes.slice(1).join(', ')})` : '';

  return (
    <main className="register" aria-labelledby="register-heading">
      <div className="register-head">
        <h1 id="register-heading">Recommendations register</h1>
        <nav aria-label="Register views" className="subtabs">
          <button type="button" aria-current={view === 'register' ? 'page' : undefined} onClick={() => setView('register')}>
            Recommendations
          </button>
          <button type="button" aria-current={view === 'directory' ? 'page' : undefined} onClick={() => setView('directory')}>
            Partner directory
          </button>
        </nav>
      </div>
      <p className="visually-hidden" role="status" aria-live="polite">
        {announce}
      </p>
      <ErrorAlert error={action.error} />

      {view === 'directory' ? (
        <PartnerDirectory
          partners={partners}
          readOnly={readOnly}
          onChanged={(message) => {
            setAnnounce(message);
            reload();
          }}
          onOpenRecommendation={(r) => open(r)}
        />
      ) : (
        <>
          {data && <PartnerCounts data={data} partner={filters.partner} needsOwner={filters.needsOwner} onFilter={setFilters} />}

          <form className="register-filters" role="search" aria-label="Filter recommendations" onSubmit={(e) => e.preventDefault()}>
            <SelectField label="Partner" value={filters.partner} onChange={(e) => setFilters({ partner: e.target.value })}>
                <option value="">All partners</option>
                {partners.map((p) => (
                  <option key={p.code} value={p.code}>
                    {p.code} – {p.name}
                  </option>
                ))}
                {data?.counts
                  .filter((c) => !c.inDirectory)
                  .map((c) => (
                    <option key={c.code} value={c.code}>
                      {c.code} (not in directory)
                    </option>
                  ))}
            </SelectField>
            <label className="checkbox">
              <input type="checkbox" checked={filters.includeSuccessors} disabled={!filters.partner} onChange={(e) => setFilters({ includeSuccessors: e.target.checked })} /> Include
              successors (e.g. CCG’s under ICB)
            </label>
            <SelectField label="Status" value={filters.status} onChange={(e) => setFilters({ status: e.target.value as RecommendationStatus | '' })}>
              <option value="">Any status</option>
              {STATUSES.map((s) => (
                <option key={s}>{s}</option>
              ))}
            </SelectField>
            <SelectField label="Chapter" value={filters.chapterId} onChange={(e) => setFilters({ chapterId: e.target.value })}>
              <option value="">All chapters</option>
              {chapters.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.title}
                </option>
              ))}
            </SelectField>
            <label className="search-field">
              Search
              <input type="search" value={filters.search} onChange={(e) => setFilters({ search: e.target.value })} placeholder="Words in the text, section, note…" />
            </label>
            <label className="checkbox">
              <input type="checkbox" checked={filters.needsOwner} onChange={(e) => setFilters({ needsOwner: e.target.checked })} /> Needs an owner
            </label>
            <label className="checkbox">
              <input type="checkbox" checked={filters.includeRemoved} onChange={(e) => setFilters({ includeRemoved: e.target.checked })} /> Show removed from document
            </label>
            <button type="button" onClick={() => setSaved((s) => ({ ...s, filters: NO_FILTERS }))}>
              Clear filters
            </button>
          </form>

          <div className="register-toolbar">
            <p role="status" aria-live="polite" className="result-count">
              {data ? `Showing ${rows.length} of ${shownFilters.includeRemoved ? data.total : data.inDocument} recommendations` : 'Loading…'}
              {shownFilters.partner && data ? ` for ${partnerLabel}${successorNote}` : ''}
            </p>
            <div className="export-buttons" role="group" aria-label="Action list export">
              <span className="muted">Action list for {filters.partner ? `${filters.partner}${successorNote}` : 'all partners'}:</span>
              <button type="button" onClick={() => void exportAs('csv')} disabled={exporting.busy}>
                Download CSV
              </button>
              <button type="button" onClick={() => void exportAs('html')} disabled={exporting.busy}>
                Download HTML
              </button>
            </div>
          </div>
          <ErrorAlert error={exporting.error} />

          <div className="table-scroll" role="region" aria-labelledby="register-caption" tabIndex={0} ref={tableRegion}>
            <table className="register-table" aria-busy={loading}>
              <caption id="register-caption" className="visually-hidden">
                Recommendations{shownFilters.partner ? ` owned by ${partnerLabel}${successorNote}` : ''}, sorted by {COLUMNS.find((c) => c.key === shownSort.by)?.label.toLowerCase() ?? 'document order'}
                {shownSort.by !== 'document' ? (shownSort.dir === 'asc' ? ', ascending' : ', descending') : ''}
              </caption>
              <thead>
                <tr>
                  {COLUMNS.map((c) => (
                    <th key={c.key} scope="col" aria-sort={shownSort.by === c.key ? (shownSort.dir === 'asc' ? 'ascending' : 'descending') : undefined}>
                      <button type="button" className="sort-button" onClick={() => sortBy(c.key)}>
                        {c.label}
                        <span aria-hidden="true" className="sort-mark">
                          {shownSort.by === c.key ? (shownSort.dir === 'asc' ? ' ▲' : ' ▼') : ''}
                        </span>
                      </button>
                    </th>
                  ))}
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr
                    key={r.id}
                    className={r.inDocument ? 'openable' : 'removed'}
                    onClick={(e) => {
                      if (!(e.target as HTMLElement).closest('button, a, input, select, textarea')) open(r);
                    }}
                  >
                    <td>{r.chapter}</td>
                    <td>{r.section ?? <span className="muted">—</span>}</td>
                    <td className="rec-text">
                      {r.inDocument ? (
                        <button type="button" className="link-button" onClick={() => open(r)} title="Open in the editor">
                          {r.text}
                        </button>
                      ) : (
                        <>
                          <span>{r.text}</span>{' '}
                          <span className="badge-removed">{r.chapterDeleted ? 'Removed from document (chapter deleted)' : 'Removed from document'}</span>
                        </>
                      )}
                    </td>
                    <td>{r.partners.length ? r.partners.join('/') : <span className="needs-owner-flag">Needs an owner</span>}</td>
                    <td>{r.status}</td>
                    <td>
                      <RagLabel rag={r.rag} />
                    </td>
                    <td>{r.dueDate ? <time dateTime={r.dueDate}>{formatDay(r.dueDate)}</time> : <span className="muted">—</span>}</td>
                    <td>
                      {r.updatedAt ? (
                        <>
                          <time dateTime={r.updatedAt}>{formatWhen(r.updatedAt)}</time>
                          <span className="muted"> by {r.updatedBy}</span>
                          {r.latestNote && <span className="latest-note">{clip(r.latestNote, 120)}</span>}
                        </>
                      ) : (
                        <span className="muted">Never</span>
                      )}
                    </td>
                    <td>
                      <button type="button" data-status-of={r.id} aria-label={`${readOnly ? 'History of' : 'Update status of'}: ${clip(r.text, 60)}`} onClick={() => setEditing(r)}>
                        {readOnly ? 'History' : 'Update status'}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {data && rows.length === 0 && <p className="empty">No recommendations match these filters.</p>}
          </div>
        </>
      )}

      {editing && (
        <StatusDialog
          row={editing}
          readOnly={readOnly}
          onClose={() => setEditing(null)}
          onSaved={(row) => {
            setEditing(null);
            setReturnFocusTo({ id: row.id, before: shown });
            setAnnounce(`Status of “${clip(row.text, 60)}” saved: ${row.status}.`);
            reload();
          }}
        />
      )}
    </main>
  );
}
