import { AppError } from '../../../shared/api/errors';
import { latestVerifiedBackup } from './takeBackup';
import { shellQuote } from '../shellQuote';

/**
 * A damaged project's error, with the offer to restore: the latest verified backup is named in the
 * message and in `details.backup` (so the app can show a one-click restore).
 */
export function withBackupOffer(e: unknown, projectPath: string): unknown {
  if (!(e instanceof AppError) || e.code !== 'DAMAGED') return e;
  const backup = latestVerifiedBackup(projectPath);
  const offer = backup
    ? ` The latest verified backup was taken ${backup.takenAt} (${backup.path}): restore it with "jsna doc restore ${shellQuote(projectPath)}" or "Restore backup" in the app; the damaged file is kept beside it.`
    : ' There is no automatic backup of it to restore.';
  return new AppError('DAMAGED', e.message + offer, { ...e.details, file: projectPath, ...(backup ? { backup } : {}) });
}
