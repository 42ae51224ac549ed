import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import type { ImportSummary } from '../../shared/api/library';
import { newId } from '../../shared/ids';
import { call, onEvent } from '../lib/api';
import { useAction } from '../lib/useAsync';

/** What an import did, in words. */
export function describeImport(s: ImportSummary): string {
  if (s.vintages.length === 0 && s.metadataIndicators === 0) return 'Nothing changed: the library already holds these files.';
  const parts = [];
  if (s.vintages.length > 0) {
    parts.push(
      `Imported ${s.rows.toLocaleString('en-GB')} value${s.rows === 1 ? '' : 's'} of ${s.indicators} indicator${s.indicators === 1 ? '' : 's'} for ${s.areas} area${s.areas === 1 ? '' : 's'}.`,
    );
  }
  if (s.metadataIndicators > 0) parts.push(`Metadata set for ${s.metadataIndicators} indicator${s.metadataIndicators === 1 ? '' : 's'}.`);
  if (s.unchangedFiles.length > 0) parts.push(`${s.unchangedFiles.length} file${s.unchangedFiles.length === 1 ? ' was' : 's were'} already in the library.`);
  return parts.join(' ');
}

/**
 * Imports Fingertips or tidy CSVs (and a metadata CSV) into the project's indicator library, by path
 * (as the CLI does; the same import, all files or none). A rejected file is named with its line.
 */
export function LibraryImportForm({ onDone }: { onDone(): void }) {
  const [paths, setPaths] = useState('');
  const [format, setFormat] = useState<'' | 'fingertips' | 'tidy'>('');
  const [metadataPath, setMetadataPath] = useState('');
  const [progress, setProgress] = useState<{ label: string; done: number; total: number } | null>(null);
  const [result, setResult] = useState<string | null>(null);
  const job = useRef<string | null>(null);
  const action = useAction();
  const id = useId();

  useEffect(
    () =>
      onEvent((e) => {
        if (e.type === 'progress' && e.jobId === job.current) setProgress({ label: e.label, done: e.done, total: e.total });
      }),
    [],
  );

  async function run(e: FormEvent) {
    e.preventDefault();
    setResult(null);
    const files = paths
      .split(/\r?\n/)
      .map((p) => p.trim().replace(/^"(.*)"$/, '$1'))
      .filter(Boolean);
    const jobId = newId();
    job.current = jobId;
    setProgress({ label: 'Starting', done: 0, total: 1 });
    const summary = await action.run(() =>
      call(
        'library.import',
        { paths: files, ...(format ? { format } : {}), ...(metadataPath.trim() ? { metadataPath: metadataPath.trim().replace(/^"(.*)"$/, '$1') } : {}) },
        { jobId },
      ),
    );
    job.current = null;
    setProgress(null);
    if (summary) setResult(describeImport(summary));
  }

  return (
    <form className="library-import" aria-label="Import indicator data" onSubmit={run} noValidate>
      <label htmlFor={`${id}-paths`}>CSV files to import (full paths, one a line)</label>
      <textarea id={`${id}-paths`} rows={3} value={paths} onChange={(e) => setPaths(e.target.value)} aria-describedby={`${id}-hint`} />
      <p className="hint" id={`${id}-hint`}>
        Fingertips downloads or tidy CSVs (see the README for the columns). All files go in together, or none does.
      </p>
      <label htmlFor={`${id}-format`}>File format</label>
      <select id={`${id}-format`} value={format} onChange={(e) => setFormat(e.target.value as '' | 'fingertips' | 'tidy')}>
        <option value="">Work it out from each file's header</option>
        <option value="fingertips">Fingertips download</option>
        <option value="tidy">Tidy CSV</option>
      </select>
      <label htmlFor={`${id}-meta`}>Metadata CSV (optional)</label>
      <input id={`${id}-meta`} value={metadataPath} onChange={(e) => setMetadataPath(e.target.value)} />
      {progress && (
        <p role="status">
          {progress.label}{' '}
          <progress value={progress.done} max={Math.max(progress.total, 1)} aria-label="Import progress" />
        </p>
      )}
      {action.error && (
        <p role="alert" className="error">
          {action.error.message}
        </p>
      )}
      {result && <p role="status">{result}</p>}
      <div className="form-actions">
        <button type="submit" disabled={action.busy}>
          Import
        </button>
        <button type="button" onClick={onDone}>
          Close
        </button>
      </div>
    </form>
  );
}
