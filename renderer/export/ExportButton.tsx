import { type FormEvent, useCallback, useEffect, useRef, useState } from 'react';
import type { ChapterSummary } from '../../shared/api/chapters';
import type { ExportFormat, ExportResult } from '../../shared/api/export';
import { newId } from '../../shared/ids';
import { call, inElectron, onEvent } from '../lib/api';
import './export.css';
import { ErrorAlert } from '../components/ErrorAlert';
import { ChapterChoice, chapterIdsToExport } from './ChapterChoice';

type Phase =
  | { kind: 'idle' }
  | { kind: 'running'; jobId: string; format: ExportFormat; label: string; done: number; total: number; cancelling: boolean }
  | { kind: 'done'; result: Exclude<ExportResult, { status: 'not-saved' }>; url: string | null; filename: string | null; openBlocked: boolean }
  | { kind: 'cancelled' }
  | { kind: 'failed'; message: string };

const FORMAT_LABEL: Record<ExportFormat, string> = { html: 'web page (HTML)', pdf: 'PDF', docx: 'Word document' };

function bytesLabel(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`;
}

function toBlobUrl(base64: string, mimeType: string): string {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return URL.createObjectURL(new Blob([bytes], { type: mimeType }));
}

/** A browser shows HTML and PDF; a Word file opened in a tab would only be downloaded again. */
const viewableInBrowser = (format: ExportFormat) => format !== 'docx';

function download(url: string, filename: string): void {
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
}

/**
 * Export in the top bar: choose HTML or PDF, see progress, cancel, and open the file when done. The
 * app saves through its own save dialog (and opens the file in the system's viewer); browser mode
 * downloads it. The app's File menu asks for an export through the same dialog.
 */
export function ExportButton({ disabled = false }: { disabled?: boolean }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  const [format, setFormat] = useState<ExportFormat>('html');
  const [openWhenDone, setOpenWhenDone] = useState(true);
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [chapters, setChapters] = useState<ChapterSummary[]>([]);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const chosenRef = useRef({ chapters, chosen });
  chosenRef.current = { chapters, chosen };
  const jobRef = useRef<string | null>(null);
  const urlRef = useRef<string | null>(null);

  const releaseUrl = () => {
    if (urlRef.current) URL.revokeObjectURL(urlRef.current);
    urlRef.current = null;
  };
  useEffect(() => releaseUrl, []);

  useEffect(() => {
    if (open && dialog.current && !dialog.current.open) dialog.current.showModal();
  }, [open]);

  // Every chapter, all chosen, each time the dialog opens.
  useEffect(() => {
    if (!open) return;
    let live = true;
    call('chapters.list', {}).then(
      (list) => {
        if (!live) return;
        setChapters(list);
        setChosen(new Set(list.map((c) => c.id)));
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [open]);

  // Progress of the running export.
  useEffect(
    () =>
      onEvent((e) => {
        if (e.type !== 'progress' || e.jobId !== jobRef.current) return;
        setPhase((p) => (p.kind === 'running' && p.jobId === e.jobId ? { ...p, label: e.label, done: e.done, total: e.total } : p));
      }),
    [],
  );

  const start = useCallback(
    async (chosen: ExportFormat) => {
      if (jobRef.current) return;
      const jobId = newId();
      jobRef.current = jobId;
      releaseUrl();
      setPhase({ kind: 'running', jobId, format: chosen, label: 'Starting', done: 0, total: 1, cancelling: false });
      try {
        const chapterIds = chapterIdsToExport(chosenRef.current.chapters, chosenRef.current.chosen);
        const result = await call('export.document', { format: chosen, open: openWhenDone, ...(chapterIds ? { chapterIds } : {}) }, { jobId });
        if (result.status === 'not-saved') {
          setPhase({ kind: 'idle' });
        } else if (result.status === 'download') {
          const url = toBlobUrl(result.base64, result.mimeType);
          urlRef.current = url;
          download(url, result.filename);
          let openBlocked = false;
          if (openWhenDone && viewableInBrowser(result.format)) {
            const tab = window.open(url, '_blank');
            if (tab) tab.opener = null;
            else openBlocked = true;
          }
          setPhase({ kind: 'done', result, url, filename: result.filename, openBlocked });
        } else {
          setPhase({ kind: 'done', result, url: null, filename: null, openBlocked: false });
        }
      } catch (e) {
        const err = e as { code?: string; message?: string };
        setPhase(err.code === 'CANCELLED' ? { kind: 'cancelled' } : { kind: 'failed', message: err.message ?? String(e) });
      } finally {
        jobRef.current = null;
      }
    },
    [openWhenDone],
  );

  // The app's File menu: "Export as HTML…" / "Export as PDF…" / "Export as Word…".
  useEffect(
    () =>
      onEvent((e) => {
        if (e.type !== 'export-requested' || jobRef.current) return;
        setFormat(e.format);
        setOpen(true);
        void start(e.format);
      }),
    [start],
  );

  async function cancel() {
    const id = jobRef.current;
    if (!id) return;
    setPhase((p) => (p.kind === 'running' ? { ...p, cancelling: true, label: 'Cancelling' } : p));
    await call('export.cancel', { jobId: id }).catch(() => undefined);
  }

  function close() {
    if (jobRef.current) return; // cancel first
    dialog.current?.close();
    setOpen(false);
    setPhase({ kind: 'idle' });
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    void start(format);
  }

  const running = phase.kind === 'running';
  return (
    <>
      <button type="button" className="export-button" disabled={disabled} onClick={() => setOpen(true)}>
        Export…
      </button>
      {open && (
        <dialog
          ref={dialog}
          className="dialog export-dialog"
          aria-labelledby="export-heading"
          onCancel={(e) => {
            e.preventDefault();
            if (!running) close();
          }}
        >
          <form onSubmit={submit}>
            <h2 id="export-heading">Export this assessment</h2>
            <fieldset disabled={running}>
              <legend>Format</legend>
              <label className="checkbox">
                <input type="radio" name="export-format" value="html" checked={format === 'html'} onChange={() => setFormat('html')} /> Web page (HTML): one
                accessible file to publish, with every chart&rsquo;s summary and data table
              </label>
              <label className="checkbox">
                <input type="radio" name="export-format" value="pdf" checked={format === 'pdf'} onChange={() => setFormat('pdf')} /> PDF for the board: A4, tagged
                for screen readers, page numbers
              </label>
              <label className="checkbox">
                <input type="radio" name="export-format" value="docx" checked={format === 'docx'} onChange={() => setFormat('docx')} /> Word for committee
                papers: headings, contents, captioned figures with alt text and data tables
              </label>
              <label className="checkbox">
                <input type="checkbox" checked={openWhenDone} onChange={(e) => setOpenWhenDone(e.target.checked)} /> Open it when done
              </label>
            </fieldset>
            {chapters.length > 0 && (
              <ChapterChoice chapters={chapters} chosen={chosen} onChange={setChosen} disabled={running} />
            )}

            {running && (
              <div className="export-progress" role="status" aria-live="polite">
                <label htmlFor="export-progress-bar">{phase.label}…</label>
                <progress id="export-progress-bar" max={Math.max(1, phase.total)} value={phase.done} />
              </div>
            )}
            {phase.kind === 'done' && (
              <div className="export-done" role="status">
                <p>
                  Exported {phase.result.figures} figure{phase.result.figures === 1 ? '' : 's'} and {phase.result.recommendations} recommendation
                  {phase.result.recommendations === 1 ? '' : 's'} as a {FORMAT_LABEL[phase.result.format]} ({bytesLabel(phase.result.bytes)}).
                  {phase.result.charts > phase.result.figures
                    ? ` ${phase.result.charts - phase.result.figures} chart${phase.result.charts - phase.result.figures === 1 ? '' : 's'} could not be drawn: the export says why in ${phase.result.charts - phase.result.figures === 1 ? 'its' : 'their'} place.`
                    : ''}
                </p>
                {phase.result.status === 'saved' && (
                  <p>
                    Saved to <span className="export-path">{phase.result.path}</span>
                    {phase.result.opened ? ' and opened.' : '.'}
                  </p>
                )}
                {phase.url && phase.filename && (
                  <p>
                    <a href={phase.url} download={phase.filename}>
                      Download {phase.filename} again
                    </a>
                    {viewableInBrowser(phase.result.format) ? (
                      <>
                        {' · '}
                        <a href={phase.url} target="_blank" rel="noopener">
                          Open it{phase.openBlocked ? ' (your browser blocked opening it automatically)' : ''}
                        </a>
                      </>
                    ) : (
                      ' · Open the downloaded file in Word (or LibreOffice).'
                    )}
                  </p>
                )}
              </div>
            )}
            {phase.kind === 'cancelled' && (
              <p role="status" className="export-cancelled">
                Export cancelled. Nothing was saved.
              </p>
            )}
            {phase.kind === 'failed' && <ErrorAlert error={phase.message} />}

            <div className="dialog-buttons">
              {running ? (
                <button type="button" onClick={() => void cancel()} disabled={phase.cancelling}>
                  Cancel export
                </button>
              ) : (
                <>
                  <button type="submit" disabled={chapters.length > 0 && chosen.size === 0}>
                    {inElectron ? 'Export…' : 'Export and download'}
                  </button>
                  <button type="button" onClick={close}>
                    Close
                  </button>
                </>
              )}
            </div>
          </form>
        </dialog>
      )}
    </>
  );
}
