import type { Comparison, ComparisonMethod, ComparisonOutcome, RecentTrend } from '../../../shared/library/comparison';
import type { IndicatorMeta } from '../../../shared/library/types';
import { compareByInterval } from './compare/ciOverlap';
import { QUINTILE_WORDS, quintileOf } from './compare/quintiles';
import { type TrendPoint, trendTest } from './compare/trend';
import { isEstimateOrAggregate, readComparisonLabel, readTrendLabel } from './comparisonLabels';

/** A stored value with the file's labels, as the query reads it. */
export interface StoredValue {
  period: string;
  periodSortable: number;
  value: number | null;
  lowerCi95: number | null;
  upperCi95: number | null;
  lower998: number | null;
  upper998: number | null;
  count: number | null;
  denominator: number | null;
  valueNote: string | null;
  ciMethod: 'file' | 'wilson' | 'byar' | 'exact-poisson' | null;
  comparedEnglandLabel: string | null;
  comparedParentLabel: string | null;
  comparedGoalLabel: string | null;
  recentTrendLabel: string | null;
}

const WORDS: Partial<Record<ComparisonOutcome, string>> = {
  better: 'Better',
  similar: 'Similar',
  worse: 'Worse',
  higher: 'Higher',
  lower: 'Lower',
  ...QUINTILE_WORDS,
};

export const TREND_METHOD = 'chi-squared test for trend, most recent 5 points (computed by JSNA Studio)';

/**
 * A row's comparisons. The source is the authority: the file's label, verbatim, wherever it gives
 * one (including "Not compared"). Only where it gives none is one computed, by the indicator's
 * method — and never for modelled or synthetic estimates, aggregated values or values without a CI
 * unless the indicator's metadata asks (compute_for_estimates): those are 'none', "Not compared".
 */
export class RowComparisons {
  readonly method: ComparisonMethod;
  private readonly fileMethod: ComparisonMethod | null;

  constructor(
    private readonly indicator: IndicatorMeta,
    /** All values of the row's area type in its period (for quintiles), fetched only when needed. */
    private readonly peers: (row: StoredValue) => number[],
  ) {
    this.method = indicator.comparisonMethod ?? 'ci-overlap-95';
    this.fileMethod = indicator.comparisonMethod ?? null;
  }

  fromFile(label: string, benchmarkCode: string | null): Comparison {
    const read = readComparisonLabel(label, { quintiles: this.method === 'quintiles', polarity: this.indicator.polarity });
    return { label, outcome: read.outcome, source: 'file', method: read.method ?? this.fileMethod, benchmarkCode };
  }

  private none(benchmarkCode: string | null, method: ComparisonMethod | null): Comparison {
    return { label: 'Not compared', outcome: 'not-compared', source: 'none', method, benchmarkCode };
  }

  /** May we compute for this row at all? */
  private mayCompute(row: StoredValue): boolean {
    if (this.indicator.computeForEstimates) return true;
    return !isEstimateOrAggregate(row.valueNote) && row.lowerCi95 !== null && row.upperCi95 !== null;
  }

  /** Compared with a benchmark area: the file's label if any, else computed, else none. */
  withBenchmark(row: StoredValue, label: string | null, benchmark: { code: string; value: number | null } | null): Comparison {
    const code = benchmark?.code ?? null;
    if (label !== null) return this.fromFile(label, code);
    // A goal is compared in its own column; with an area, such an indicator is compared by CI.
    const method: ComparisonMethod = this.method === 'goal' ? 'ci-overlap-95' : this.method;
    if (benchmark === null || method === 'not-compared' || !this.mayCompute(row)) return this.none(code, method);
    let outcome: ComparisonOutcome | null;
    if (method === 'quintiles') outcome = quintileOf(row.value, this.peers(row), this.indicator.polarity);
    else if (method === 'ci-overlap-99.8') outcome = compareByInterval({ value: row.value, lower: row.lower998, upper: row.upper998 }, benchmark.value, this.indicator.polarity);
    else outcome = compareByInterval({ value: row.value, lower: row.lowerCi95, upper: row.upperCi95 }, benchmark.value, this.indicator.polarity);
    if (outcome === null) return this.none(code, method);
    return { label: WORDS[outcome] ?? outcome, outcome, source: 'computed', method, benchmarkCode: code };
  }

  /** Compared with the indicator's goal: the file's label, else computed when the method is goal. */
  withGoal(row: StoredValue): Comparison | null {
    if (row.comparedGoalLabel !== null) return this.fromFile(row.comparedGoalLabel, null);
    const goal = this.indicator.goal ?? null;
    if (this.method !== 'goal' || goal === null) return null;
    if (!this.mayCompute(row)) return this.none(null, 'goal');
    const outcome = compareByInterval({ value: row.value, lower: row.lowerCi95, upper: row.upperCi95 }, goal, this.indicator.polarity);
    if (outcome === null) return this.none(null, 'goal');
    return { label: `${WORDS[outcome] ?? outcome} than goal`.replace('Similar than goal', 'Similar to goal'), outcome, source: 'computed', method: 'goal', benchmarkCode: null };
  }

  /** The file's trend label; else, on the area's latest row only, the computed trend. */
  trend(row: StoredValue, series: readonly StoredValue[], isLatest: boolean): RecentTrend | null {
    if (row.recentTrendLabel !== null) return readTrendLabel(row.recentTrendLabel);
    if (!isLatest) return null;
    const recent = series.slice(-5);
    // Fingertips tests only independent yearly periods with no breaks: not rolling ("2015 - 17"),
    // monthly or quarterly ones (its trend markers' criteria).
    const testable =
      recent.every((r, i) => r.value !== null && r.periodSortable % 10000 === 0 && !/\d{4}\s*-\s*\d{2,4}/.test(r.period) && (i === 0 || r.periodSortable - recent[i - 1]!.periodSortable === 10000));
    const points: TrendPoint[] = testable
      ? recent.map((r) => ({ value: r.value!, count: r.count, denominator: r.denominator, lower95: r.lowerCi95, upper95: r.upperCi95 }))
      : [];
    const proportion = this.indicator.valueType === 'proportion';
    // Proportions are tested on counts: a value per 100 needs its count and denominator.
    const test = trendTest(points, { proportion });
    if (!test) return { label: 'Cannot be calculated', direction: 'cannot-calculate', judgement: null, source: 'computed', method: TREND_METHOD };
    if (test.direction === 'no-change') return { label: 'No significant change', direction: 'no-change', judgement: null, source: 'computed', method: TREND_METHOD };
    const up = test.direction === 'increasing';
    const p = this.indicator.polarity;
    const judgement = p === 'high-is-good' ? (up ? 'better' : 'worse') : p === 'low-is-good' ? (up ? 'worse' : 'better') : null;
    const word = up ? 'Increasing' : 'Decreasing';
    return { label: judgement ? `${word} and getting ${judgement}` : word, direction: test.direction, judgement, source: 'computed', method: TREND_METHOD };
  }
}
