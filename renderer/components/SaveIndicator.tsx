import type { SaveStatus } from '../lib/autosave';

function describe(status: SaveStatus): string {
  switch (status.state) {
    case 'saved':
      return 'All changes saved';
    case 'dirty':
      return 'Unsaved changes';
    case 'saving':
      return 'Saving…';
    case 'error':
      return status.conflict ? `Not saved: ${status.message}` : `Save failed, retrying: ${status.message}`;
  }
}

/** Tells the author, in words and politely to screen readers, whether their text is safe. */
export function SaveIndicator({ status }: { status: SaveStatus }) {
  return (
    <p className={`save-status save-${status.state}`} role="status" aria-live="polite" data-state={status.state}>
      {describe(status)}
    </p>
  );
}
