import { useEffect, useRef, useState } from 'react';
import { newId } from '../../shared/ids';
import { call, onEvent } from '../lib/api';

export interface JobProgress {
  label: string;
  done: number;
  total: number;
}

/** A long Fingertips job: its progress events, and Cancel (fingertips.cancel). */
export function useFingertipsJob() {
  const job = useRef<string | null>(null);
  const [progress, setProgress] = useState<JobProgress | null>(null);
  useEffect(
    () =>
      onEvent((e) => {
        if (e.type === 'progress' && e.jobId === job.current) setProgress({ label: e.label, done: e.done, total: e.total });
      }),
    [],
  );
  return {
    progress,
    async run<T>(fn: (jobId: string) => Promise<T>): Promise<T> {
      const jobId = newId();
      job.current = jobId;
      setProgress({ label: 'Starting', done: 0, total: 0 });
      try {
        return await fn(jobId);
      } finally {
        job.current = null;
        setProgress(null);
      }
    },
    cancel() {
      if (job.current) void call('fingertips.cancel', { jobId: job.current });
    },
  };
}

export function ProgressLine({ progress, onCancel }: { progress: JobProgress; onCancel(): void }) {
  return (
    <p role="status" className="fingertips-progress">
      {progress.label}{' '}
      {progress.total > 0 ? (
        <progress value={progress.done} max={progress.total} aria-label="Fingertips progress" />
      ) : (
        <span>{progress.done > 0 ? `${(progress.done / 1024).toFixed(0)} KB` : ''}</span>
      )}{' '}
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
    </p>
  );
}
