/**
 * Closing the window while a chapter still has unsaved edits: the page's beforeunload flushes them
 * and holds the close. We try again shortly (by then the save has usually landed) and, only if
 * saving keeps failing, ask the author whether to close without saving.
 */
export const CLOSE_RETRY_MS = 250;
export const CLOSE_RETRIES = 12;

export type UnsavedCloseDecision = 'retry' | 'ask';

export function decideUnsavedClose(attempt: number): UnsavedCloseDecision {
  return attempt <= CLOSE_RETRIES ? 'retry' : 'ask';
}
