import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import type { MethodInput } from '../../shared/api';
import type { ImportPreview, ImportSummary } from '../../shared/api/library';
import { newId } from '../../shared/ids';
import { call, chosenFile, onEvent } from '../lib/api';
import type { ChosenFile } from '../lib/transport/types';
import { importInput, unquote } from './importInput';
import { useAction } from '../lib/useAsync';
import { ErrorAlert } from '../components/ErrorAlert';
import { ImportColumnsHelp } from './ImportColumnsHelp';

/** What an import did, in words. */
export function describeImport(s: ImportSummary): string {
  if (s.vintages.length === 0 && s.metadataIndicators === 0) return 'Nothing changed: the library already holds these files.';
  const parts = [];
  if (s.vintages.length > 0) {
    const what = `${s.rows.toLocaleString('en-GB')} value${s.rows === 1 ? '' : 's'} of ${s.indicators} indicator${s.indicators === 1 ? '' : 's'} for ${s.areas} area${s.areas === 1 ? '' : 's'}`;
    if (s.added === s.rows) parts.push(`Imported ${what}.`);
    else {
      // Not "Imported 855 values" when 852 of them were there already: say what changed.
      const n = (k: number) => k.toLocaleString('en-GB');
      const changes = [`${n(s.added)} new`, ...(s.updated > 0 ? [`${n(s.updated)} changed`] : []), `${n(s.unchanged)} as before`];
      parts.push(`Read ${what}: ${changes.join(', ')}.`);
    }
  }
  if (s.metadataIndicators > 0) parts.push(`Metadata set for ${s.metadataIndicators} indicator${s.metadataIndicators === 1 ? '' : 's'}.`);
  if (s.unchangedFiles.length > 0) parts.push(`${s.unchangedFiles.length} file${s.unchangedFiles.length === 1 ? ' was' : 's were'} already in the library.`);
  if (s.updated > 0) parts.push(`${s.updated.toLocaleString('en-GB')} earlier value${s.updated === 1 ? ' was' : 's were'} replaced (kept in the indicator's vintages).`);
  if (s.warnings.length > 0) parts.push(`${s.warnings.length} warning${s.warnings.length === 1 ? '' : 's'}: ${s.warnings.join(' ')}`);
  return parts.join(' ');
}

/** An import that would change values already in the library is confirmed first (adding values is not). */
export function needsConfirm(p: ImportPreview): boolean {
  return p.updated > 0;
}

/**
 * Imports Fingertips or tidy CSVs (and a metadata CSV) into the project's indicator library: files
 * chosen here, or typed paths (as the CLI takes them); the same import, all files or none. A
 * rejected file is named with its line.
 */
export function LibraryImportForm({ onDone }: { onDone(): void }) {
  const [files, setFiles] = useState<File[]>([]);
  const [metadataFile, setMetadataFile] = useState<File | null>(null);
  const [paths, setPaths] = useState('');
  const [format, setFormat] = useState<'' | 'fingertips' | 'tidy'>('');
  const [metadataPath, setMetadataPath] = useState('');
  const [progress, setProgress] = useState<{ label: string; done: number; total: number } | null>(null);
  const [result, setResult] = useState<string | null>(null);
  /** The preview awaiting the person's say, with the input it was made for. */
  const [pending, setPending] = useState<{ preview: ImportPreview; input: MethodInput<'library.import'> } | null>(null);
  const job = useRef<string | null>(null);
  const filesInput = useRef<HTMLInputElement>(null);
  const metadataInput = useRef<HTMLInputElement>(null);
  const action = useAction();
  const id = useId();

  useEffect(
    () =>
      onEvent((e) => {
        if (e.type === 'progress' && e.jobId === job.current) setProgress({ label: e.label, done: e.done, total: e.total });
      }),
    [],
  );

  /** A new choice of files or format: the last import's error or result was about the old one. */
  function choose(set: () => void) {
    action.clearError();
    setResult(null);
    set();
  }

  function reset() {
    // Done with: the same files are not offered again (typed paths and the format stay).
    setFiles([]);
    setMetadataFile(null);
    if (filesInput.current) filesInput.current.value = '';
    if (metadataInput.current) metadataInput.current.value = '';
  }

  /** Sends the chosen files, then previews the import; imports at once when it replaces nothing a chart shows. */
  async function run(e: FormEvent) {
    e.preventDefault();
    setResult(null);
    setPending(null);
    const typed = paths.split(/\r?\n/).map(unquote).filter(Boolean);
    const jobId = newId();
    job.current = jobId;
    const done = await action.run(async () => {
      let sent = 0;
      const total = files.length + (metadataFile ? 1 : 0);
      const reach = async (f: File) => {
        setProgress({ label: `Reading ${f.name}`, done: sent, total });
        const c = await chosenFile(f);
        sent += 1;
        return c;
      };
      const chosen: ChosenFile[] = [];
      for (const f of files) chosen.push(await reach(f));
      const metadata = metadataFile ? await reach(metadataFile) : null;
      setProgress({ label: 'Checking what the import changes', done: 0, total: 1 });
      const input = { ...importInput(chosen, typed, metadata, unquote(metadataPath)), ...(format ? { format } : {}) };
      const preview = await call('library.previewImport', input, { jobId });
      if (needsConfirm(preview)) {
        setPending({ preview, input });
        return null;
      }
      setProgress({ label: 'Starting', done: 0, total: 1 });
      return call('library.import', input, { jobId });
    });
    job.current = null;
    setProgress(null);
    if (done) {
      setResult(describeImport(done));
      reset();
    }
  }

  /** The person said yes to the preview: the same import, for real (the same files, sent once). */
  async function confirm() {
    if (!pending) return;
    const jobId = newId();
    job.current = jobId;
    const summary = await action.run(() => call('library.import', pending.input, { jobId }));
    job.current = null;
    setProgress(null);
    setPending(null);
    if (summary) {
      setResult(describeImport(summary));
      reset();
    }
  }

  return (
    <form className="library-import" aria-label="Import indicator data" onSubmit={run} noValidate>
      <label htmlFor={`${id}-files`}>CSV files to import</label>
      <input
        id={`${id}-files`}
        ref={filesInput}
        type="file"
        multiple
        accept=".csv,text/csv"
        aria-describedby={`${id}-hint`}
        onChange={(e) => choose(() => setFiles([...(e.target.files ?? [])]))}
      />
      <p className="hint" id={`${id}-hint`}>
        Fingertips downloads or tidy CSVs. All files go in together, or none does.
      </p>
      <ImportColumnsHelp />
      <label htmlFor={`${id}-paths`}>Or their full paths, one a line</label>
      <textarea id={`${id}-paths`} rows={2} value={paths} onChange={(e) => choose(() => setPaths(e.target.value))} />
      <label htmlFor={`${id}-format`}>File format</label>
      <select id={`${id}-format`} value={format} onChange={(e) => choose(() => setFormat(e.target.value as '' | 'fingertips' | 'tidy'))}>
        <option value="">Work it out from each file's header</option>
        <option value="fingertips">Fingertips download</option>
        <option value="tidy">Tidy CSV</option>
      </select>
      <label htmlFor={`${id}-meta-file`}>Metadata CSV (optional)</label>
      <input id={`${id}-meta-file`} ref={metadataInput} type="file" accept=".csv,text/csv" onChange={(e) => choose(() => setMetadataFile(e.target.files?.[0] ?? null))} />
      <label htmlFor={`${id}-meta`}>Or its full path</label>
      <input id={`${id}-meta`} value={metadataPath} onChange={(e) => choose(() => setMetadataPath(e.target.value))} disabled={metadataFile !== null} />
      {progress && (
        <p role="status">
          {progress.label}{' '}
          <progress value={progress.done} max={Math.max(progress.total, 1)} aria-label="Import progress" />
        </p>
      )}
      <ErrorAlert error={action.error} />
      {result && <p role="status">{result}</p>}
      {pending && (
        <div className="import-preview" role="group" aria-label="Confirm import">
          <p role="status">This import {pending.preview.description}. Earlier values are kept in each indicator's vintages and can be restored.</p>
          {pending.preview.affected.length > 0 && (
            <ul>
              {pending.preview.affected.map((c) => (
                <li key={c.chapterId}>
                  {c.title}: {c.charts.length} chart{c.charts.length === 1 ? '' : 's'} ({c.charts.map((x) => `${x.indicators.join(', ')}${x.areaCode ? ` for ${x.areaCode}` : ''}`).join('; ')})
                </li>
              ))}
            </ul>
          )}
          <div className="form-actions">
            <button type="button" onClick={() => void confirm()} disabled={action.busy}>
              Import and update
            </button>
            <button type="button" onClick={() => setPending(null)} disabled={action.busy}>
              Cancel import
            </button>
          </div>
        </div>
      )}
      <div className="form-actions">
        <button type="submit" disabled={action.busy || pending !== null}>
          Import
        </button>
        <button type="button" onClick={onDone}>
          Close
        </button>
      </div>
    </form>
  );
}
