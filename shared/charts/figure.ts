/**
 * One figure: everything a chart is, for the editor's chart view and for every export alike, so the
 * screen and the export cannot drift.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { Vintage } from '../library/types';
import type { ChartKind } from './definition';
import { chartKinds, type ChartDataByKind } from './kinds';
import { sourceLine } from './source';
import type { ChartDataTable } from './tables';
import type { KindedChartData } from './types';

export interface Figure {
  kind: ChartKind;
  /** The vega-lite spec (with the title drawn in it unless `titleInImage: false`). */
  spec: TopLevelSpec;
  /** The author's headline, else the kind's default (the indicator's name; "Basket of indicators"). */
  title: string;
  /** The author's caption (trimmed), or "". */
  caption: string;
  /** The text summary (also the image's accessible name). */
  summary: string;
  table: ChartDataTable;
  /** "Source: OHID Fingertips, data imported 2026-11-23." */
  source: string;
  /** Some of the data are illustrative, not official statistics. */
  illustrative: boolean;
  /** The illustrative-data warning to show beside the source, or null when the source says it already. */
  illustrativeNote: string | null;
}

export interface FigureAttrs {
  title: string;
  caption: string;
}

/** A kind's data, the vintage it comes from and the author's title and caption → the figure. */
export function figureOf(chart: KindedChartData & { vintage: Vintage | null }, attrs: FigureAttrs, opts: { titleInImage?: boolean } = {}): Figure {
  return build(chart.kind, chart.data, chart.vintage, attrs, opts.titleInImage ?? true);
}

function build<K extends ChartKind>(kind: K, data: ChartDataByKind[K], vintage: Vintage | null, attrs: FigureAttrs, titleInImage: boolean): Figure {
  const module = chartKinds[kind];
  const title = attrs.title.trim() || module.defaultTitle(data);
  const caption = attrs.caption.trim();
  const indicators = module.indicators(data);
  const { source, illustrativeNote } = sourceLine(indicators, vintage);
  return {
    kind,
    spec: module.spec(data, { title: titleInImage ? title : '', caption }),
    title,
    caption,
    summary: module.summary(data),
    table: module.table(data),
    source,
    illustrative: indicators.some((i) => i.illustrative),
    illustrativeNote,
  };
}
