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
  private readonly known = new Set<string>();

  check(file: string, r: ParsedRow): void {
    for (const key of ['comparedEngland', 'comparedParent', 'comparedGoal'] as const) {
      const label = r[key];
      if (label === null) continue;
      const k = `c\u0001${label}`;
      if (this.known.has(k)) continue;
      const { outcome } = readComparisonLabel(label);
      if (outcome !== 'unknown') this.known.add(k);
      else this.note(file, r.line, COLUMNS[key], label);
    }
    if (r.recentTrend !== null) {
      const k = `t\u0001${r.recentTrend}`;
      if (!this.known.has(k)) {
        if (readTrendLabel(r.recentTrend).direction !== 'unknown') this.known.add(k);
        else this.note(file, r.line, 'Recent Trend', r.recentTrend);
      }
    }
  }

  private note(file: string, line: number, column: string, label: string): void {
    const k = `${file}\u0001${column}\u0001${label}`;
    const u = this.unknown.get(k);
    if (u) u.rows++;
    else this.unknown.set(k, { file, line, column, label, rows: 1 });
  }

  contradiction(file: string, line: number, earlierLine: number, details: string[]): void {
    this.contradictions.push(`${file}:${line}: the labels contradict line ${earlierLine} for the same row (${details.join('; ')}); kept as line ${earlierLine} has them.`);
  }

  warnings(): string[] {
    const unknown = [...this.unknown.values()].map(
      (u) => `${u.file}:${u.line}: column "${u.column}": unknown label ${JSON.stringify(u.label)}${u.rows > 1 ? ` (${u.rows} rows)` : ''}, kept as it is and not recomputed.`,
    );
    return [...unknown, ...this.contradictions];
  }
}
