import { readComparisonLabel, readTrendLabel } from './comparisonLabels';
import type { ParsedRow } from './parsedRow';

const COLUMNS = {
  comparedEngland: 'Compared to England',
  comparedParent: 'Compared to parent',
  comparedGoal: 'Compared to goal',
} as const;

/**
 * Bad labels in an import: kept verbatim (never recomputed) and listed in the import summary's
 * warnings as `file:line: …` — an unknown comparison or trend label (once per file, column and
 * label, with how many rows carry it), or two rows of one key whose labels contradict.
 */
export class LabelChecks {
  private readonly unknown = new Map<string, { file: string; line: number; column: string; label: string; rows: number }>();
  private readonly contradictions: string[] = [];
  /** Labels already known good, so each distinct label is read once. */
  private readonly knownComparisons = new Set<string>();
  private readonly knownTrends = new Set<string>();

  /** The last label seen in each column: labels repeat row after row, so most rows cost four compares. */
  private readonly last: (string | null)[] = [null, null, null, null];
  private lastFile = '';
  /** The unknown labels the last checked row carried (a repeat of it carries them too). */
  private lastUnknown: { rows: number }[] = [];

  check(file: string, r: ParsedRow): void {
    const last = this.last;
    if (file === this.lastFile && r.comparedEngland === last[0] && r.comparedParent === last[1] && r.comparedGoal === last[2] && r.recentTrend === last[3]) {
      for (const u of this.lastUnknown) u.rows++;
      return;
    }
    this.lastFile = file;
    this.lastUnknown = [];
    last[0] = r.comparedEngland;
    last[1] = r.comparedParent;
    last[2] = r.comparedGoal;
    last[3] = r.recentTrend;
    for (const key of ['comparedEngland', 'comparedParent', 'comparedGoal'] as const) {
      const label = r[key];
      if (label === null || this.knownComparisons.has(label)) continue;
      const { outcome } = readComparisonLabel(label);
      if (outcome !== 'unknown') this.knownComparisons.add(label);
      else this.note(file, r.line, COLUMNS[key], label);
    }
    if (r.recentTrend !== null) {
      if (!this.knownTrends.has(r.recentTrend)) {
        if (readTrendLabel(r.recentTrend).direction !== 'unknown') this.knownTrends.add(r.recentTrend);
        else this.note(file, r.line, 'Recent Trend', r.recentTrend);
      }
    }
  }

  private note(file: string, line: number, column: string, label: string): void {
    const k = `${file}\u0001${column}\u0001${label}`;
    let u = this.unknown.get(k);
    if (u) u.rows++;
    else this.unknown.set(k, (u = { file, line, column, label, rows: 1 }));
    this.lastUnknown.push(u);
  }

  contradiction(file: string, line: number, earlierLine: number | null, details: string[]): void {
    const earlier = earlierLine === null ? 'an earlier line' : `line ${earlierLine}`;
    this.contradictions.push(`${file}:${line}: the labels contradict ${earlier} for the same row (${details.join('; ')}); kept as ${earlier} has them.`);
  }

  warnings(): string[] {
    const unknown = [...this.unknown.values()].map(
      (u) => `${u.file}:${u.line}: column "${u.column}": unknown label ${JSON.stringify(u.label)}${u.rows > 1 ? ` (${u.rows} rows)` : ''}, kept as it is and not recomputed.`,
    );
    return [...unknown, ...this.contradictions];
  }
}
