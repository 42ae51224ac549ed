/**
 * One chart definition: the attributes a chart node stores, written once as a zod schema.
 *
 * Everything else is derived from it: the tiptap node's attributes and defaults
 * (shared/editor/nodes/chart.ts), the API's chart reference (shared/api/charts.ts), the renderer's
 * reference (`chartRefOf`) and the TypeScript types. The export validates a document's chart
 * attributes through the same schema as the screen's `charts.data` input.
 *
 * A chart *references* library data (indicator, area, comparators, breakdown, period range) and never
 * copies values, so a newer vintage redraws it. `reviewedVintage` is the data vintage the author last
 * looked at; newer data shows a badge until they mark it reviewed.
 */
import { z } from 'zod';

/** Every chart kind, in the order the settings list them. */
export const CHART_KINDS = ['trend', 'compare', 'inequality', 'basket', 'spine'] as const;
export type ChartKind = (typeof CHART_KINDS)[number];

/** England's area code: the benchmark every significance is stated against. */
export const ENGLAND_CODE = 'E92000001';
/** The comparator meaning "the area's parent" (e.g. its region). */
export const PARENT_COMPARATOR = 'parent';

/**
 * Which areas a compare chart sets beside the chosen one: the areas the author picked
 * (`comparators`), every area with the same parent (e.g. all counties and UAs in its region), or the
 * area type's statistical neighbours (only where the library holds them).
 */
export const COMPARISON_SETS = ['chosen', 'region', 'neighbours'] as const;
export type ComparisonSet = (typeof COMPARISON_SETS)[number];

const text = (max: number) => z.string().trim().max(max);
const optionalText = (max: number) => text(max).nullable().default(null);
/** A list or map that older documents may hold as null: read as its default. */
const orDefault = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === null ? undefined : v), schema);

/** The fields that say which data a chart draws (the chart reference). */
const refShape = {
  kind: z.enum(CHART_KINDS).default('trend'),
  /** One indicator (basket: the first; the rest in `indicatorIds`). */
  indicatorId: optionalText(100),
  indicatorIds: orDefault(z.array(text(100).min(1)).max(60, 'at most 60 indicators in a basket').default([])),
  /** Basket only: each indicator's group, e.g. "Population outcomes" or "Operational measures". */
  indicatorGroups: orDefault(z.record(z.string().max(100), text(100)).default({})),
  areaCode: optionalText(50),
  /** Comparator area codes ('parent' = the area's parent); England by default. */
  comparators: orDefault(z.array(text(50).min(1)).max(20).default([ENGLAND_CODE])),
  /** Compare areas only: which areas beside the chosen one (see COMPARISON_SETS). */
  comparisonSet: orDefault(z.enum(COMPARISON_SETS).default('chosen')),
  sex: optionalText(200),
  age: optionalText(200),
  categoryType: optionalText(200),
  category: optionalText(200),
  periodFrom: z.number().int().nullable().default(null),
  periodTo: z.number().int().nullable().default(null),
  reviewedVintage: z.number().int().nullable().default(null),
};

/** A chart reference: what `charts.data` takes. Unknown keys (title, caption, id) are dropped. */
export const chartRef = z.object(refShape);
export type ChartRef = z.output<typeof chartRef>;

/** Every attribute of a chart node. */
export const chartAttrsSchema = z.object({
  id: z.string().max(100).nullable().default(null),
  ...refShape,
  title: z.string().max(1000).default(''),
  caption: z.string().max(5000).default(''),
});
export type ChartAttrs = z.output<typeof chartAttrsSchema>;
export type ChartAttrName = keyof ChartAttrs;

/** A new chart's attributes. */
export const defaultChartAttrs: Readonly<ChartAttrs> = Object.freeze(chartAttrsSchema.parse({}));

/**
 * A node's attributes checked by the one schema: the reference the screen and the export query with,
 * or what is wrong with them, said in place of the chart.
 */
export function chartRefOf(attrs: unknown): { ok: true; ref: ChartRef } | { ok: false; message: string } {
  const parsed = chartRef.safeParse(attrs);
  if (parsed.success) return { ok: true, ref: parsed.data };
  const issue = parsed.error.issues[0];
  return { ok: false, message: `This chart's settings are not valid (${issue?.path.join('.') || 'chart'}: ${issue?.message ?? 'invalid'}).` };
}

/** The indicators a basket holds: its list, or the single indicator it was made from. */
export function basketIndicatorIds(attrs: Pick<ChartRef, 'indicatorId' | 'indicatorIds'>): string[] {
  if (attrs.indicatorIds.length > 0) return attrs.indicatorIds;
  return attrs.indicatorId ? [attrs.indicatorId] : [];
}
