import { type FormEvent, useEffect, useId, useState } from 'react';
import type { FingertipsAreaType, FingertipsIndicator, FingertipsPlan, FingertipsProfile } from '../../shared/api/fingertips';
import { api, call } from '../lib/api';
import { useAction } from '../lib/useAsync';
import { ErrorAlert } from '../components/ErrorAlert';
import { describeImport } from './LibraryImportForm';
import { FingertipsAddress } from './FingertipsAddress';
import { FingertipsUpdates } from './FingertipsUpdates';
import { ProgressLine, useFingertipsJob } from './useFingertipsJob';

/**
 * Finds indicators on the Fingertips API (by words, or profile → domain), offers only the area types
 * they have (available_data) and a parent area type, says what a fetch will bring, and fetches them
 * into the library as one import, with progress and Cancel. Every call goes through the app's own
 * server: the page never talks to Fingertips itself.
 */
export function FindOnFingertips({ onDone }: { onDone(): void }) {
  const id = useId();
  const [words, setWords] = useState('');
  const [found, setFound] = useState<FingertipsIndicator[] | null>(null);
  const [profiles, setProfiles] = useState<FingertipsProfile[]>([]);
  const [profileId, setProfileId] = useState('');
  const [groups, setGroups] = useState<FingertipsIndicator[]>([]);
  const [groupId, setGroupId] = useState('');
  const [chosen, setChosen] = useState<number[]>([]);
  const [areaTypes, setAreaTypes] = useState<FingertipsAreaType[]>([]);
  const [areaTypeId, setAreaTypeId] = useState('');
  const [parentId, setParentId] = useState('');
  const [plan, setPlan] = useState<FingertipsPlan | null>(null);
  const [result, setResult] = useState<string | null>(null);
  const action = useAction();
  const job = useFingertipsJob();

  function show(list: FingertipsIndicator[]) {
    setFound(list);
    setChosen(list.length === 1 ? [list[0]!.id] : []);
    setResult(null);
  }

  async function search(e: FormEvent) {
    e.preventDefault();
    await action.run(async () => show(await api['fingertips.search']({ words })));
  }

  async function browse() {
    await action.run(async () => setProfiles(await api['fingertips.profiles']({})));
  }

  async function chooseProfile(value: string) {
    setProfileId(value);
    setGroups([]);
    setGroupId('');
    if (value) await action.run(async () => setGroups(await api['fingertips.groups']({ profileId: Number(value) })));
  }

  async function chooseGroup(value: string) {
    setGroupId(value);
    if (value) {
      await action.run(async () => {
        const list = await api['fingertips.groupIndicators']({ groupId: Number(value) });
        show(list);
        setChosen(list.map((i) => i.id)); // a whole domain at once, unless unticked
      });
    }
  }

  // The area types the chosen indicators have, then the parent types of the one picked.
  useEffect(() => {
    setAreaTypes([]);
    setAreaTypeId('');
    if (chosen.length === 0) return;
    void action.run(async () => {
      const types = await api['fingertips.areaTypes']({ indicatorIds: chosen });
      setAreaTypes(types);
      if (types.length === 1) setAreaTypeId(String(types[0]!.id));
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [chosen.join(',')]);
  const areaType = areaTypes.find((t) => String(t.id) === areaTypeId);
  useEffect(() => setParentId(areaType?.parents[0] ? String(areaType.parents[0].id) : ''), [areaType]);
  useEffect(() => {
    setPlan(null);
    if (!areaTypeId || !parentId || chosen.length === 0) return;
    void action.run(async () => setPlan(await api['fingertips.plan']({ indicatorIds: chosen, areaTypeId: Number(areaTypeId), parentAreaTypeId: Number(parentId) })));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [areaTypeId, parentId, chosen.join(',')]);

  async function fetchChosen() {
    if (!plan || plan.indicatorIds.length === 0) return;
    setResult(null);
    const summary = await action.run(() =>
      job.run((jobId) =>
        call('fingertips.fetch', { requests: [{ indicatorIds: plan.indicatorIds, areaTypeId: Number(areaTypeId), parentAreaTypeId: Number(parentId) }] }, { jobId }),
      ),
    );
    if (summary) setResult(describeImport(summary));
  }

  const toggle = (i: number) => setChosen((c) => (c.includes(i) ? c.filter((x) => x !== i) : [...c, i]));
  return (
    <section className="find-on-fingertips library-import" aria-label="Find on Fingertips">
      <h3>Find on Fingertips</h3>
      <form onSubmit={search} className="ft-search">
        <label htmlFor={`${id}-words`}>Search Fingertips</label>
        <input id={`${id}-words`} type="search" value={words} onChange={(e) => setWords(e.target.value)} placeholder="e.g. campylobacter, obesity" />
        <button type="submit" disabled={action.busy || !words.trim()}>
          Search
        </button>
      </form>
      {profiles.length === 0 ? (
        <button type="button" onClick={() => void browse()}>
          Browse profiles…
        </button>
      ) : (
        <>
          <label htmlFor={`${id}-profile`}>Profile</label>
          <select id={`${id}-profile`} value={profileId} onChange={(e) => void chooseProfile(e.target.value)}>
            <option value="">Choose a profile</option>
            {profiles.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
          {groups.length > 0 && (
            <>
              <label htmlFor={`${id}-group`}>Domain</label>
              <select id={`${id}-group`} value={groupId} onChange={(e) => void chooseGroup(e.target.value)}>
                <option value="">Choose a domain</option>
                {groups.map((g) => (
                  <option key={g.id} value={g.id}>
                    {g.name}
                  </option>
                ))}
              </select>
            </>
          )}
        </>
      )}
      {found && (
        <fieldset className="ft-results">
          <legend>{found.length === 0 ? 'No indicators found' : `Indicators found: ${found.length} (tick those to fetch)`}</legend>
          {found.map((i) => (
            <label key={i.id} className="ft-indicator">
              <input type="checkbox" checked={chosen.includes(i.id)} onChange={() => toggle(i.id)} /> {i.name} ({i.id})
            </label>
          ))}
        </fieldset>
      )}
      {chosen.length > 0 && areaTypes.length > 0 && (
        <>
          <label htmlFor={`${id}-type`}>Area type</label>
          <select id={`${id}-type`} value={areaTypeId} onChange={(e) => setAreaTypeId(e.target.value)}>
            <option value="">Choose an area type</option>
            {areaTypes.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
                {chosen.length > 1 ? ` (${t.indicators} of ${chosen.length} indicators)` : ''}
              </option>
            ))}
          </select>
          {areaType && (
            <>
              <label htmlFor={`${id}-parent`}>Parent area type</label>
              <select id={`${id}-parent`} value={parentId} onChange={(e) => setParentId(e.target.value)}>
                {areaType.parents.length === 0 && <option value="">None</option>}
                {areaType.parents.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
            </>
          )}
        </>
      )}
      {plan && <p className="hint ft-plan">{plan.description}</p>}
      {job.progress && <ProgressLine progress={job.progress} onCancel={job.cancel} />}
      <ErrorAlert error={action.error} />
      {result && <p role="status">{result}</p>}
      <div className="form-actions">
        <button type="button" disabled={action.busy || !plan || plan.indicatorIds.length === 0} onClick={() => void fetchChosen()}>
          Fetch from Fingertips
        </button>
        <button type="button" onClick={onDone}>
          Close
        </button>
      </div>
      <FingertipsUpdates />
      <FingertipsAddress />
    </section>
  );
}
