import { useEffect, useState } from 'react';
import type { BackupInfo, ProjectInfo } from '../../shared/api';
import { api } from '../lib/api';
import { useAction } from '../lib/useAsync';
import { ErrorAlert } from './ErrorAlert';

/**
 * Shown when a project file cannot be opened because it is damaged: what is wrong (naming the file)
 * and, when a verified automatic backup exists, a one-click restore. The damaged file is kept.
 */
export function DamagedProject({ path, message, onOpened }: { path: string; message: string; onOpened: (p: ProjectInfo) => void }) {
  const [latest, setLatest] = useState<BackupInfo | null | undefined>(undefined);
  const restore = useAction();
  useEffect(() => {
    api['project.backups']({ path }).then((b) => setLatest(b[0] ?? null), () => setLatest(null));
  }, [path]);

  async function onRestore() {
    const info = await restore.run(() => api['project.restoreBackup']({ path }));
    if (info) onOpened(info);
  }

  return (
    <div role="alert" className="error damaged-project">
      <p>{message}</p>
      {latest && (
        <button type="button" onClick={() => void onRestore()} disabled={restore.busy}>
          Restore backup from {new Date(latest.takenAt).toLocaleString()}
        </button>
      )}
      <ErrorAlert error={restore.error} />
    </div>
  );
}
