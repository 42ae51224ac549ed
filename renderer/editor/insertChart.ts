import type { Editor } from '@tiptap/core';
import { defaultKindFor } from '../../shared/charts/defaultKind';
import type { ChartAttrs } from '../../shared/charts/definition';
import { api } from '../lib/api';
import { reviewedNow } from './reviewedNow';

/**
 * Every way of inserting a chart (toolbar, "/chart", the indicator browser) goes through here: a chart
 * inserted now is reviewed now (its `reviewedVintage` is the library's newest vintage), and one made
 * from an indicator starts as the kind its data can show.
 */
export async function insertNewChart(editor: Editor, attrs: Partial<ChartAttrs>): Promise<void> {
  const [reviewedVintage, kind] = await Promise.all([reviewedNow(), attrs.kind ?? kindFromData(attrs)]);
  if (editor.isDestroyed) return;
  editor.chain().focus().insertChart({ ...attrs, kind, reviewedVintage }).run();
}

/** One period → compare areas; more → trend (see defaultKindFor). */
async function kindFromData(attrs: Partial<ChartAttrs>): Promise<ChartAttrs['kind']> {
  if (!attrs.indicatorId || !attrs.areaCode) return 'trend';
  try {
    const q = await api['library.query']({ indicatorId: attrs.indicatorId, areaCodes: [attrs.areaCode] });
    return defaultKindFor(q.series.flatMap((s) => s.rows.filter((r) => r.value !== null || r.valueNote)));
  } catch {
    return 'trend';
  }
}
