import { useEffect, useState } from 'react';
import type { AreaInfo, Breakdown, IndicatorSummary } from '../../shared/api/library';
import { basketIndicatorIds, CHART_KINDS, ENGLAND_CODE as ENGLAND, PARENT_COMPARATOR, type ChartAttrs, type ChartKind } from '../../shared/charts/definition';
import { chartKinds } from '../../shared/charts/kinds';
import { api } from '../lib/api';
import { ComparatorsSelect, ComparisonSetPicker } from './ComparisonSetPicker';

/** Seed 004's basket of indicators: population outcomes beside the operational measures that drive them. */
const BASKET_GROUPS = ['Population outcomes', 'Operational measures'];

/** The chart's settings beside it; every change redraws the chart at once (live preview). */
export function ChartPanel({ attrs, onChange }: { attrs: ChartAttrs; onChange(a: Partial<ChartAttrs>): void }) {
  const [indicators, setIndicators] = useState<IndicatorSummary[]>([]);
  const [areas, setAreas] = useState<AreaInfo[]>([]);
  const [breakdowns, setBreakdowns] = useState<Breakdown[]>([]);
  const [periods, setPeriods] = useState<{ period: string; periodSortable: number }[]>([]);

  useEffect(() => {
    void api['library.indicators']({}).then(setIndicators, () => setIndicators([]));
    void api['library.areas']({ limit: 5000 }).then(setAreas, () => setAreas([]));
  }, []);
  useEffect(() => {
    if (!attrs.indicatorId) return setBreakdowns([]);
    void api['library.indicator']({ id: attrs.indicatorId }).then((d) => setBreakdowns(d.breakdowns), () => setBreakdowns([]));
  }, [attrs.indicatorId]);
  useEffect(() => {
    if (!attrs.indicatorId || !attrs.areaCode || attrs.kind === 'basket' || attrs.kind === 'spine') return setPeriods([]);
    let live = true;
    void api['library.query']({ indicatorId: attrs.indicatorId, areaCodes: [attrs.areaCode], ...(attrs.sex ? { sex: attrs.sex } : {}), ...(attrs.age ? { age: attrs.age } : {}) }).then(
      (d) => live && setPeriods(d.series[0]?.rows.map((r) => ({ period: r.period, periodSortable: r.periodSortable })) ?? []),
      () => live && setPeriods([]),
    );
    return () => {
      live = false;
    };
  }, [attrs.indicatorId, attrs.areaCode, attrs.kind, attrs.sex, attrs.age]);

  const unique = (xs: string[]) => [...new Set(xs)];
  const sexes = unique(breakdowns.map((b) => b.sex));
  const ages = unique(breakdowns.map((b) => b.age));
  const categoryTypes = unique(breakdowns.map((b) => b.categoryType).filter(Boolean));
  const id = (s: string) => `chart-${attrs.id ?? 'new'}-${s}`;
  // A basket and a spine chart show a set of indicators for one area.
  const indicatorSet = attrs.kind === 'basket' || attrs.kind === 'spine';

  return (
    <form className="chart-panel" aria-label="Chart settings" onSubmit={(e) => e.preventDefault()}>
      <label htmlFor={id('kind')}>Kind of chart</label>
      <select id={id('kind')} value={attrs.kind} onChange={(e) => onChange({ kind: e.target.value as ChartKind })}>
        {CHART_KINDS.map((kind) => (
          <option key={kind} value={kind}>
            {chartKinds[kind].label}
          </option>
        ))}
      </select>
      {indicatorSet ? (
        <fieldset>
          <legend>{attrs.kind === 'spine' ? 'Indicators in the area profile' : 'Indicators in the basket'}</legend>
          {indicators.map((i) => {
            // The indicator the chart was made from stays in the basket when others are ticked.
            const basket = basketIndicatorIds(attrs);
            const chosen = basket.includes(i.id);
            return (
              <div key={i.id} className="basket-choice">
                <label className="checkbox">
                  <input
                    type="checkbox"
                    checked={chosen}
                    onChange={(e) =>
                      {
                        const next = e.target.checked ? [...basket, i.id] : basket.filter((x) => x !== i.id);
                        // Unticking the last one empties the basket (else it would fall back to the indicator it was made from).
                        onChange(next.length === 0 ? { indicatorIds: [], indicatorId: null } : { indicatorIds: next });
                      }
                    }
                  />{' '}
                  {i.name}
                </label>
                {chosen && attrs.kind === 'basket' && (
                  <select
                    aria-label={`Group for ${i.name}`}
                    value={attrs.indicatorGroups?.[i.id] ?? ''}
                    onChange={(e) => {
                      const groups = { ...(attrs.indicatorGroups ?? {}) };
                      if (e.target.value) groups[i.id] = e.target.value;
                      else delete groups[i.id];
                      onChange({ indicatorGroups: groups });
                    }}
                  >
                    <option value="">No group</option>
                    {BASKET_GROUPS.map((g) => (
                      <option key={g}>{g}</option>
                    ))}
                  </select>
                )}
              </div>
            );
          })}
        </fieldset>
      ) : (
        <>
          <label htmlFor={id('indicator')}>Indicator</label>
          <select id={id('indicator')} value={attrs.indicatorId ?? ''} onChange={(e) => onChange({ indicatorId: e.target.value || null, sex: null, age: null, categoryType: null, category: null })}>
            <option value="">Choose an indicator…</option>
            {indicators.map((i) => (
              <option key={i.id} value={i.id}>
                {i.name} ({i.id})
              </option>
            ))}
          </select>
        </>
      )}
      <label htmlFor={id('area')}>Area</label>
      <select id={id('area')} value={attrs.areaCode ?? ''} onChange={(e) => onChange({ areaCode: e.target.value || null })}>
        <option value="">Choose an area…</option>
        {areas.map((a) => (
          <option key={a.code} value={a.code}>
            {a.name}
          </option>
        ))}
      </select>
      {attrs.kind === 'compare' && <ComparisonSetPicker attrs={attrs} areas={areas} onChange={onChange} id={id} />}
      {!indicatorSet && (
        <>
          {attrs.kind !== 'compare' && <ComparatorPicker attrs={attrs} areas={areas} onChange={onChange} id={id} />}
          {sexes.length > 1 && (
            <>
              <label htmlFor={id('sex')}>Sex</label>
              <select id={id('sex')} value={attrs.sex ?? ''} onChange={(e) => onChange({ sex: e.target.value || null })}>
                <option value="">Default</option>
                {sexes.map((s) => (
                  <option key={s}>{s}</option>
                ))}
              </select>
            </>
          )}
          {ages.length > 1 && (
            <>
              <label htmlFor={id('age')}>Age</label>
              <select id={id('age')} value={attrs.age ?? ''} onChange={(e) => onChange({ age: e.target.value || null })}>
                <option value="">Default</option>
                {ages.map((a) => (
                  <option key={a}>{a}</option>
                ))}
              </select>
            </>
          )}
          {attrs.kind === 'inequality' && categoryTypes.length > 0 && (
            <>
              <label htmlFor={id('cat')}>Categories</label>
              <select id={id('cat')} value={attrs.categoryType ?? ''} onChange={(e) => onChange({ categoryType: e.target.value || null })}>
                <option value="">Choose…</option>
                {categoryTypes.map((c) => (
                  <option key={c}>{c}</option>
                ))}
              </select>
            </>
          )}
        </>
      )}
      {periods.length > 1 && (
        <fieldset className="period-range">
          <legend>Periods shown</legend>
          <PeriodSelect id={id('from')} label="From" any="Earliest" value={attrs.periodFrom} periods={periods} onChange={(v) => onChange({ periodFrom: v })} />
          <PeriodSelect id={id('to')} label="To" any="Latest" value={attrs.periodTo} periods={periods} onChange={(v) => onChange({ periodTo: v })} />
        </fieldset>
      )}
      <label htmlFor={id('title')}>Headline title</label>
      <input id={id('title')} value={attrs.title} onChange={(e) => onChange({ title: e.target.value })} />
      <label htmlFor={id('caption')}>Caption</label>
      <textarea id={id('caption')} value={attrs.caption} rows={3} onChange={(e) => onChange({ caption: e.target.value })} />
    </form>
  );
}

/**
 * "Compare with" for the kinds other than compare areas: England and one more line, chosen from a
 * list. A chart that already has several (made as compare areas, or in an earlier version) shows
 * them all, picked in a list of several, so none is dropped by a choice the person did not make.
 */
function ComparatorPicker({ attrs, areas, onChange, id }: { attrs: ChartAttrs; areas: AreaInfo[]; onChange(a: Partial<ChartAttrs>): void; id(s: string): string }) {
  const others = attrs.comparators.filter((c) => c !== ENGLAND);
  const choices = areas.filter((a) => a.code !== ENGLAND && a.code !== attrs.areaCode);
  if (others.length > 1) {
    return (
      <>
        <label htmlFor={id('comparator')}>Compare with, besides England ({others.length}; Ctrl or Shift to pick several)</label>
        <ComparatorsSelect id={id('comparator')} size={6} attrs={attrs} areas={areas} onChange={onChange} />
      </>
    );
  }
  return (
    <>
      <label htmlFor={id('comparator')}>Compare with</label>
      <select id={id('comparator')} value={others[0] ?? ''} onChange={(e) => onChange({ comparators: e.target.value ? [ENGLAND, e.target.value] : [ENGLAND] })}>
        <option value="">England only</option>
        <option value={PARENT_COMPARATOR}>England and the area’s region</option>
        {choices.map((a) => (
          <option key={a.code} value={a.code}>
            England and {a.name}
          </option>
        ))}
      </select>
    </>
  );
}

function PeriodSelect(props: { id: string; label: string; any: string; value: number | null; periods: { period: string; periodSortable: number }[]; onChange(v: number | null): void }) {
  return (
    <>
      <label htmlFor={props.id}>{props.label}</label>
      <select id={props.id} value={props.value ?? ''} onChange={(e) => props.onChange(e.target.value ? Number(e.target.value) : null)}>
        <option value="">{props.any}</option>
        {props.periods.map((p) => (
          <option key={p.periodSortable} value={p.periodSortable}>
            {p.period}
          </option>
        ))}
      </select>
    </>
  );
}
