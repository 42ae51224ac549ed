import { useState } from 'react';
import type { FingertipsUpdateCheck } from '../../shared/api/fingertips';
import { updateRequests } from '../../shared/fingertips/updateRequests';
import { call } from '../lib/api';
import { useAction } from '../lib/useAsync';
import { ErrorAlert } from '../components/ErrorAlert';
import { describeImport } from './LibraryImportForm';
import { ProgressLine, useFingertipsJob } from './useFingertipsJob';

function describe(c: FingertipsUpdateCheck): string {
  if (c.status === 'newer-period') return `newer period on Fingertips: ${c.fingertipsLatestPeriod} (the library has up to ${c.libraryLatestPeriod ?? '—'})`;
  if (c.status === 'changed-values') return `values changed on Fingertips: ${c.changedValues} changed, ${c.newValues} new`;
  if (c.status === 'not-checked') return `could not be checked for area type ${c.request.areaTypeId} (parent area type ${c.request.parentAreaTypeId}): ${c.problem ?? 'no answer'}`;
  return 'up to date';
}

/**
 * "Check for updates": asks Fingertips, only when the user says so, whether the indicators fetched
 * from it have a newer period or changed values, and fetches the ones listed as new vintages on
 * "Update" (charts then say "Newer data since last reviewed").
 */
export function FingertipsUpdates() {
  const [checks, setChecks] = useState<FingertipsUpdateCheck[] | null>(null);
  const [result, setResult] = useState<string | null>(null);
  const action = useAction();
  const job = useFingertipsJob();
  const stale = (checks ?? []).filter((c) => c.status === 'newer-period' || c.status === 'changed-values');
  const notChecked = new Set((checks ?? []).filter((c) => c.status === 'not-checked').map((c) => c.source)).size;
  // One check per request: an indicator fetched for two area types is checked twice, counted once.
  const indicators = new Set((checks ?? []).map((c) => c.indicatorId)).size;
  const staleIndicators = new Set(stale.map((c) => c.indicatorId)).size;

  async function check() {
    setResult(null);
    // The last check's list goes while Fingertips is asked again: what shows is always this check's.
    setChecks(null);
    const found = await action.run(() => job.run((jobId) => call('fingertips.checkUpdates', {}, { jobId })));
    if (found) setChecks(found);
  }

  async function update() {
    const requests = updateRequests(checks ?? []);
    const summary = await action.run(() => job.run((jobId) => call('fingertips.fetch', { requests }, { jobId })));
    if (summary) {
      setResult(describeImport(summary));
      setChecks(null);
    }
  }

  return (
    <section className="fingertips-updates" aria-label="Updates from Fingertips">
      <button type="button" disabled={action.busy} onClick={() => void check()}>
        Check for updates
      </button>
      {job.progress && <ProgressLine progress={job.progress} onCancel={job.cancel} />}
      <ErrorAlert error={action.error} />
      {checks && (
        <>
          <p role="status">
            {checks.length === 0
              ? 'No indicator in the library came from the Fingertips API.'
              : staleIndicators > 0
                ? `${staleIndicators} of ${indicators} indicator${indicators === 1 ? ' has' : 's have'} newer data on Fingertips.`
                : notChecked > 0
                  ? 'No newer data on Fingertips for the requests that could be checked.'
                  : indicators === 1
                    ? 'The indicator is up to date with Fingertips.'
                    : `All ${indicators} indicators are up to date with Fingertips.`}
            {notChecked > 0 && ` ${notChecked} request${notChecked === 1 ? '' : 's'} could not be checked: see below.`}
          </p>
          <ul className="ft-updates">
            {checks.map((c) => (
              <li key={`${c.source}|${c.indicatorId}`}>
                {c.indicatorName} ({c.indicatorId}): {describe(c)}
              </li>
            ))}
          </ul>
          {stale.length > 0 && (
            <button type="button" disabled={action.busy} onClick={() => void update()}>
              Update
            </button>
          )}
        </>
      )}
      {result && <p role="status">{result}</p>}
    </section>
  );
}
