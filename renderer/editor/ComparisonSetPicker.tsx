import type { AreaInfo } from '../../shared/api/library';
import { ENGLAND_CODE as ENGLAND, PARENT_COMPARATOR, type ChartAttrs, type ComparisonSet } from '../../shared/charts/definition';

/** Why the statistical-neighbours set cannot be chosen: the library holds none (no import brings them in), and none are invented. */
export const NO_NEIGHBOURS_REASON = 'Not available: the indicator library holds no statistical neighbours for any area type.';

/**
 * The compare chart's comparison set (issue 10 item 7): areas the author picks (several at once),
 * every area in the chosen area's region, or the area type's statistical neighbours where the
 * library has them. England is always the benchmark line.
 */
export function ComparisonSetPicker({ attrs, areas, onChange, id }: { attrs: ChartAttrs; areas: AreaInfo[]; onChange(a: Partial<ChartAttrs>): void; id(s: string): string }) {
  const area = areas.find((a) => a.code === attrs.areaCode);
  const region = area?.parentCode ? areas.find((a) => a.code === area.parentCode) : undefined;
  const set = (comparisonSet: ComparisonSet) => onChange({ comparisonSet });
  const choices: { value: ComparisonSet; label: string; disabled?: boolean; hint?: string }[] = [
    { value: 'chosen', label: 'Areas I pick' },
    { value: 'region', label: `All areas in ${region ? region.name : 'the same region'}` },
    { value: 'neighbours', label: 'Statistical neighbours', disabled: true, hint: NO_NEIGHBOURS_REASON },
  ];
  return (
    <fieldset className="comparison-set">
      <legend>Areas to compare with{area ? ` ${area.name}` : ''} (England is the benchmark line)</legend>
      {choices.map((c) => (
        <div key={c.value}>
          <label className="checkbox">
            <input
              type="radio"
              name={id('comparison-set')}
              value={c.value}
              checked={attrs.comparisonSet === c.value}
              disabled={c.disabled}
              aria-describedby={c.hint ? id(`set-${c.value}-hint`) : undefined}
              onChange={() => set(c.value)}
            />{' '}
            {c.label}
          </label>
          {c.hint && (
            <p className="hint" id={id(`set-${c.value}-hint`)}>
              {c.hint}
            </p>
          )}
        </div>
      ))}
      {attrs.comparisonSet === 'chosen' && (
        <>
          <label htmlFor={id('comparators')}>Areas (Ctrl or Shift to pick several)</label>
          <ComparatorsSelect id={id('comparators')} size={8} attrs={attrs} areas={areas} onChange={onChange} />
        </>
      )}
    </fieldset>
  );
}

/** A list of several comparison areas (besides England, always the benchmark): the area's region or any other area. */
export function ComparatorsSelect({ id, size, attrs, areas, onChange }: { id: string; size: number; attrs: ChartAttrs; areas: AreaInfo[]; onChange(a: Partial<ChartAttrs>): void }) {
  return (
    <select
      id={id}
      multiple
      size={size}
      value={attrs.comparators.filter((c) => c !== ENGLAND)}
      onChange={(e) => onChange({ comparators: [ENGLAND, ...[...e.target.selectedOptions].map((o) => o.value)] })}
    >
      <option value={PARENT_COMPARATOR}>The area’s region</option>
      {areas
        .filter((a) => a.code !== ENGLAND && a.code !== attrs.areaCode)
        .map((a) => (
          <option key={a.code} value={a.code}>
            {a.name}
          </option>
        ))}
    </select>
  );
}
