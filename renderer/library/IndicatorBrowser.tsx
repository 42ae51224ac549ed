import { useEffect, useState } from 'react';
import type { AreaInfo, IndicatorDetail, IndicatorSummary } from '../../shared/api/library';
import { api, onEvent } from '../lib/api';
import { formatDate } from '../lib/formatDate';
import { useAction } from '../lib/useAsync';
import { IndicatorMetadataForm } from './IndicatorMetadataForm';
import { LibraryImportForm } from './LibraryImportForm';
import { VintageList } from './VintageList';
import { FindOnFingertips } from './FindOnFingertips';
import { POLARITY_WORDS, VALUE_TYPE_WORDS } from './metadataForm';
import { matchAreas, searchSummary } from './searchAreas';
import { ErrorAlert } from '../components/ErrorAlert';

export interface InsertChartRequest {
  indicatorId: string;
  areaCode: string;
  title: string;
}

const POLARITY_SOURCE_WORDS = { author: 'set by you', metadata: 'from a metadata file', inferred: "inferred from the file's Better/Worse labels" } as const;

/**
 * Finds indicators in the library (by name or ID, for an area), shows their metadata, latest value
 * and data vintage, and inserts a live chart of one into the current chapter.
 */
export function IndicatorBrowser({ canInsert, onInsert, onClose }: { canInsert: boolean; onInsert(req: InsertChartRequest): void; onClose(): void }) {
  const [search, setSearch] = useState('');
  const [areaCode, setAreaCode] = useState('');
  const [areas, setAreas] = useState<AreaInfo[]>([]);
  const [results, setResults] = useState<IndicatorSummary[]>([]);
  /** How many indicators a search looks through (those with data for the area, if one is chosen). */
  const [searchable, setSearchable] = useState(0);
  const [selected, setSelected] = useState<string | null>(null);
  const [detail, setDetail] = useState<IndicatorDetail | null>(null);
  const [version, setVersion] = useState(0);
  const [editing, setEditing] = useState(false);
  const [importing, setImporting] = useState(false);
  const [finding, setFinding] = useState(false);
  const action = useAction();

  useEffect(() => onEvent((e) => e.type === 'library-changed' && setVersion((v) => v + 1)), []);
  useEffect(() => {
    void action.run(async () => setAreas(await api['library.areas']({ limit: 5000 })));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [version]);
  useEffect(() => {
    const t = setTimeout(() => {
      void action.run(async () => setResults(await api['library.indicators']({ ...(search.trim() ? { search } : {}), ...(areaCode ? { areaCode } : {}) })));
    }, 150);
    return () => clearTimeout(t);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [search, areaCode, version]);
  useEffect(() => {
    void action.run(async () => setSearchable((await api['library.indicators']({ ...(areaCode ? { areaCode } : {}) })).length));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [areaCode, version]);
  useEffect(() => {
    if (!selected) return setDetail(null);
    void action.run(async () => setDetail(await api['library.indicator']({ id: selected, ...(areaCode ? { areaCode } : {}) })));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [selected, areaCode, version]);
  useEffect(() => setEditing(false), [selected]);

  const area = areas.find((a) => a.code === areaCode);
  const latest = detail?.latest;
  const insertArea = areaCode || latest?.areaCode || '';
  const areaHits = matchAreas(areas, search);
  function chooseArea(code: string) {
    setAreaCode(code);
    setSearch(''); // the words found the area; they would now hide its indicators
  }
  return (
    <aside className="indicator-browser" aria-labelledby="ib-heading">
      <div className="panel-head">
        <h2 id="ib-heading">Indicators</h2>
        <button type="button" className="icon" aria-label="Close indicators" onClick={onClose}>
          ×
        </button>
      </div>
      {importing ? (
        <LibraryImportForm onDone={() => setImporting(false)} />
      ) : (
        <button type="button" onClick={() => setImporting(true)}>
          Import data…
        </button>
      )}
      {finding ? (
        <FindOnFingertips onDone={() => setFinding(false)} />
      ) : (
        <button type="button" onClick={() => setFinding(true)}>
          Find on Fingertips…
        </button>
      )}
      <label>
        Search by name or ID
        <input type="search" value={search} onChange={(e) => setSearch(e.target.value)} placeholder="e.g. obesity, 93356, Leicester, E06000016" />
      </label>
      <label htmlFor="ib-area">Area</label>
      <select id="ib-area" value={areaCode} onChange={(e) => setAreaCode(e.target.value)}>
          <option value="">Any area</option>
          {areas.map((a) => (
            <option key={a.code} value={a.code}>
              {a.name} ({a.code})
            </option>
          ))}
      </select>
      <ErrorAlert error={action.error} />
      <p className="hint" role="status">
        {searchSummary({ search, indicatorsSearched: searchable, areasSearched: areas.length, indicatorsFound: results.length, areasFound: areaHits.length, ...(area ? { areaName: area.name } : {}) })}
      </p>
      {areaHits.length > 0 && (
        <ul className="area-results" aria-label="Areas found">
          {areaHits.slice(0, 8).map((a) => (
            <li key={a.code}>
              <button type="button" onClick={() => chooseArea(a.code)}>
                Area: {a.name} ({a.code})
              </button>
            </li>
          ))}
          {areaHits.length > 8 && <li className="hint">and {areaHits.length - 8} more: type more of the name or code</li>}
        </ul>
      )}
      <ul className="indicator-results">
        {results.map((r) => (
          <li key={r.id}>
            <button type="button" aria-pressed={r.id === selected} onClick={() => setSelected(r.id)}>
              <span className="ind-name">{r.name}</span>
              <span className="ind-meta">
                ID {r.id} · {r.rows.toLocaleString('en-GB')} values · latest {r.latestPeriod ?? '—'}
                {r.illustrative ? ' · Illustrative data — not official statistics' : ''}
              </span>
            </button>
          </li>
        ))}
      </ul>
      {detail && (
        <section className="indicator-detail" aria-label={`About ${detail.meta.name}`}>
          <h3>{detail.meta.name}</h3>
          {detail.meta.illustrative && <p className="illustrative">Illustrative data — not official statistics</p>}
          <dl>
            <dt>Indicator ID</dt>
            <dd>{detail.meta.id}</dd>
            <dt>Unit</dt>
            <dd>{detail.meta.unit ?? '—'}</dd>
            <dt>Polarity</dt>
            <dd>
              {detail.meta.polarity ? POLARITY_WORDS[detail.meta.polarity] : 'Not known'}
              {detail.meta.polaritySource ? ` (${POLARITY_SOURCE_WORDS[detail.meta.polaritySource]})` : ''}
            </dd>
            <dt>Value type</dt>
            <dd>
              {VALUE_TYPE_WORDS[detail.meta.valueType]}
              {detail.meta.valueType === 'rate' && detail.meta.multiplier ? `, per ${detail.meta.multiplier.toLocaleString('en-GB')}` : ''}
            </dd>
            <dt>Definition</dt>
            <dd>{detail.meta.definition ?? '—'}</dd>
            <dt>Source</dt>
            <dd>{detail.meta.source ?? '—'}</dd>
            <dt>Latest value</dt>
            <dd>
              {latest
                ? `${latest.value === null ? (latest.valueNote ?? 'suppressed') : latest.value.toLocaleString('en-GB', { maximumFractionDigits: 1 })} for ${latest.areaName}, ${latest.period}${
                    latest.lowerCi95 !== null && latest.upperCi95 !== null ? ` (95% CI ${latest.lowerCi95.toFixed(1)} to ${latest.upperCi95.toFixed(1)})` : ''
                  }`
                : '—'}
            </dd>
            <dt>Data vintage</dt>
            <dd>
              {detail.vintages[0] ? `${detail.vintages[0].fileName}, imported ${formatDate(detail.vintages[0].importedAt)}` : '—'}
              {detail.vintages.length > 1 ? ` (${detail.vintages.length} vintages)` : ''}
            </dd>
          </dl>
          <VintageList vintages={detail.vintages} />
          {editing ? (
            <IndicatorMetadataForm
              meta={detail.meta}
              onDone={(saved) => {
                setEditing(false);
                if (saved) setDetail({ ...detail, meta: saved });
              }}
            />
          ) : (
            <button type="button" onClick={() => setEditing(true)}>
              Edit metadata
            </button>
          )}
        </section>
      )}
      {detail && (
        // Stays at the bottom of the panel, however long the list and the details above it are.
        <div className="ib-insert-bar">
          <button
            type="button"
            disabled={!canInsert || !insertArea}
            aria-describedby="ib-insert-what"
            onClick={() => onInsert({ indicatorId: detail.meta.id, areaCode: insertArea, title: detail.meta.name })}
          >
            Insert chart into chapter
          </button>
          <p className="hint" id="ib-insert-what">
            {canInsert ? `${detail.meta.name}${insertArea ? `, ${areas.find((a) => a.code === insertArea)?.name ?? insertArea}` : ''}` : 'Open a chapter for editing to insert a chart.'}
          </p>
        </div>
      )}
    </aside>
  );
}
