import { AppError } from '../../../shared/api/errors';

/** What every part of an export rejects or throws with once the user cancels it. */
export const exportCancelled = (): AppError => new AppError('CANCELLED', 'The export was cancelled.');

/** Throws {@link exportCancelled} if `signal` has been aborted. */
export function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw exportCancelled();
}
