import { useState } from 'react';
import type { FingertipsUpdateCheck, FingertipsWithdrawnValue } from '../../shared/api/fingertips';
import { updateRequests } from '../../shared/fingertips/updateRequests';
import { call } from '../lib/api';
import { useAction } from '../lib/useAsync';
import { ErrorAlert } from '../components/ErrorAlert';
import { describeImport } from './LibraryImportForm';
import { ProgressLine, useFingertipsJob } from './useFingertipsJob';

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

/** "Leicester (E06000016) 2015", with the breakdown when it is not persons of all ages. */
function describeValue(v: FingertipsWithdrawnValue): string {
  const breakdown = [v.sex !== 'Persons' && v.sex, v.age !== 'All ages' && v.age, v.category].filter(Boolean).join(', ');
  return `${v.areaName} (${v.areaCode}) ${v.period}${breakdown ? `, ${breakdown}` : ''}`;
}

/** The values the library holds from this request that Fingertips' answer no longer has. */
function describeWithdrawn(c: FingertipsUpdateCheck): string {
  const more = c.withdrawnValues > c.withdrawnExamples.length ? '; …' : '';
  return `no longer on Fingertips: ${plural(c.withdrawnValues, 'value', 'values')} your library has from this request (${c.withdrawnExamples.map(describeValue).join('; ')}${more}); they stay in your library`;
}

function describe(c: FingertipsUpdateCheck): string {
  const withdrawn = c.withdrawnValues > 0 ? `; ${describeWithdrawn(c)}` : '';
  if (c.status === 'newer-period') return `newer period on Fingertips: ${c.fingertipsLatestPeriod} (the library has up to ${c.libraryLatestPeriod ?? '—'})${withdrawn}`;
  if (c.status === 'changed-values') return `values changed on Fingertips: ${c.changedValues} changed, ${c.newValues} new${withdrawn}`;
  if (c.status === 'withdrawn-values') return describeWithdrawn(c);
  if (c.status === 'not-checked') return `could not be checked for area type ${c.request.areaTypeId} (parent area type ${c.request.parentAreaTypeId}): ${c.problem ?? 'no answer'}`;
  return 'up to date';
}

const isStale = (c: FingertipsUpdateCheck) => c.status === 'newer-period' || c.status === 'changed-values';

/** The line above the list: what the check found, in indicators. */
function summarize(checks: readonly FingertipsUpdateCheck[]): string {
  if (checks.length === 0) return 'No indicator in the library came from the Fingertips API.';
  // One check per request: an indicator fetched for two area types is checked twice, counted once.
  const count = (which: (c: FingertipsUpdateCheck) => boolean) => new Set(checks.filter(which).map((c) => c.indicatorId)).size;
  const indicators = count(() => true);
  const stale = count(isStale);
  const withdrawn = count((c) => c.withdrawnValues > 0);
  const notChecked = new Set(checks.filter((c) => c.status === 'not-checked').map((c) => c.source)).size;
  const of = (n: number) => `${n} of ${indicators} indicator${indicators === 1 ? ' has' : 's have'}`;
  const found =
    stale > 0
      ? `${of(stale)} newer data on Fingertips.`
      : notChecked > 0
        ? 'No newer data on Fingertips for the requests that could be checked.'
        : withdrawn > 0
          ? 'No newer data on Fingertips.'
          : indicators === 1
            ? 'The indicator is up to date with Fingertips.'
            : `All ${indicators} indicators are up to date with Fingertips.`;
  return [
    found,
    withdrawn > 0 && `${of(withdrawn)} values in your library that Fingertips no longer publishes: see below. They stay in your library (Update deletes nothing).`,
    notChecked > 0 && `${notChecked} request${notChecked === 1 ? '' : 's'} could not be checked: see below.`,
  ]
    .filter(Boolean)
    .join(' ');
}

/**
 * "Check for updates": asks Fingertips, only when the user says so, whether the indicators fetched
 * from it have a newer period or changed values, and fetches the ones listed as new vintages on
 * "Update" (charts then say "Newer data since last reviewed"). Values the library has that
 * Fingertips no longer publishes are listed too; Update never deletes them.
 */
export function FingertipsUpdates() {
  const [checks, setChecks] = useState<FingertipsUpdateCheck[] | null>(null);
  const [result, setResult] = useState<string | null>(null);
  const action = useAction();
  const job = useFingertipsJob();
  const stale = (checks ?? []).filter(isStale);

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
          <p role="status">{summarize(checks)}</p>
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
