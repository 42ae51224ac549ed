import { useState } from 'react';
import type { VintageInfo } from '../../shared/api/library';
import { api } from '../lib/api';
import { formatDate } from '../lib/formatDate';
import { useAction } from '../lib/useAsync';
import { ErrorAlert } from '../components/ErrorAlert';

/**
 * An indicator's vintages, newest first, each with what it changed; any but the newest can be
 * restored (after a second click to confirm). A restore is itself a vintage: restoring the one
 * before it undoes it, so nothing is lost.
 */
export function VintageList({ vintages }: { vintages: VintageInfo[] }) {
  const [asking, setAsking] = useState<number | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const action = useAction();
  if (vintages.length === 0) return null;

  async function restore(v: VintageInfo, newest: VintageInfo) {
    setDone(null);
    const r = await action.run(() => api['library.restoreVintage']({ vintageId: v.id }));
    setAsking(null);
    if (r) {
      setDone(
        `Restored the values of ${v.fileName} (vintage ${v.id}): ${r.updated.toLocaleString('en-GB')} value${r.updated === 1 ? '' : 's'} changed. ` +
          `To undo, restore vintage ${newest.id}.`,
      );
    }
  }

  return (
    <section className="vintage-list" aria-label="Vintages">
      <h4>Vintages</h4>
      <ol>
        {vintages.map((v, i) => (
          <li key={v.id}>
            <span>
              {v.fileName}
              {v.restoredFrom ? ` (restore of vintage ${v.restoredFrom})` : ''}, {formatDate(v.importedAt)}: {v.added.toLocaleString('en-GB')} added,{' '}
              {v.updated.toLocaleString('en-GB')} updated, {v.current.toLocaleString('en-GB')} current
            </span>
            {i > 0 &&
              (asking === v.id ? (
                <span className="form-actions">
                  <button type="button" onClick={() => void restore(v, vintages[0]!)} disabled={action.busy}>
                    Restore {v.fileName}'s values
                  </button>
                  <button type="button" onClick={() => setAsking(null)}>
                    Keep the current values
                  </button>
                </span>
              ) : (
                <button type="button" aria-label={`Restore this vintage: ${v.fileName}, ${formatDate(v.importedAt)}`} onClick={() => setAsking(v.id)}>
                  Restore this vintage
                </button>
              ))}
          </li>
        ))}
      </ol>
      <ErrorAlert error={action.error} />
      {done && <p role="status">{done}</p>}
    </section>
  );
}
