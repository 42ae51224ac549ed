import { chartRef } from '../../../shared/api/charts';
import { defaultChartAttrs } from '../../../shared/editor/nodes/chart';

/**
 * What is wrong with a chart node's attributes, or null: part of checking a chapter's document
 * (checkDoc.ts). The attributes the data query uses are checked with the API's own chart reference
 * (what the screen checks before drawing); the rest must have the type of their default.
 */
export function chartAttrsProblem(attrs: Record<string, unknown>): string | null {
  const merged: Record<string, unknown> = { ...defaultChartAttrs, ...attrs };
  const ref = chartRef.safeParse(merged);
  if (!ref.success) {
    const issue = ref.error.issues[0]!;
    return `attribute "${issue.path.join('.')}": ${issue.message}`;
  }
  for (const [key, fallback] of Object.entries(defaultChartAttrs)) {
    if (Object.hasOwn(chartRef.shape, key)) continue;
    const v = merged[key];
    const ok = typeof fallback === 'string' ? typeof v === 'string' : fallback === null ? v === null || typeof v === 'string' : typeof v === typeof fallback;
    if (!ok) return `attribute "${key}": expected ${fallback === null ? 'text or null' : typeof fallback}, received ${v === null ? 'null' : typeof v}`;
  }
  return null;
}

