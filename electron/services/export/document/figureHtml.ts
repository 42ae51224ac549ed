import { ILLUSTRATIVE_NOTE } from '../../../../shared/charts/format';
import { type DrawnFigure, figureIds, type FigureResult } from '../figures';
import type { El, ElementBuilder } from './dom';

/** Where a drawn figure's SVG goes: an empty element named by `slot(n)`, replaced after sanitising (see figureSlots). */
export type SlotName = (figureNumber: number) => string;

function dataTable(el: ElementBuilder, f: DrawnFigure): El {
  const table = el('table');
  table.append(el('caption', {}, `Data for Figure ${f.number}: ${f.table.caption}`));
  const head = el('tr');
  for (const c of f.table.columns) head.append(el('th', { scope: 'col' }, c));
  table.append(el('thead', {}, head));
  const body = el('tbody');
  for (const r of f.table.rows) {
    const tr = el('tr');
    r.forEach((cell, i) => tr.append(i === 0 ? el('th', { scope: 'row' }, cell) : el('td', {}, cell)));
    body.append(tr);
  }
  if (f.table.rows.length === 0) body.append(el('tr', {}, el('td', { colspan: String(Math.max(1, f.table.columns.length)) }, 'No values.')));
  table.append(body);
  return el('details', { class: 'chart-data' }, el('summary', {}, `Data table for Figure ${f.number}`), table);
}

/** A numbered figure: caption, the image's slot, caption text, summary, data table, source. */
function drawnFigureHtml(el: ElementBuilder, f: DrawnFigure, slot: SlotName): El {
  const ids = figureIds(f.number);
  const caption = el('figcaption', { id: ids.caption }, el('span', { class: 'figure-label' }, `Figure ${f.number}:`), ` ${f.title}`);
  const image = el('div', { class: 'chart-image' }, el('div', { 'data-jsna-slot': slot(f.number) }));
  const summary = el('p', { class: 'chart-summary', id: ids.summary }, el('strong', {}, 'Summary: '), f.summary);
  const main = el('div', { class: 'figure-main' }, caption, image);
  if (f.caption) main.append(el('p', { class: 'chart-caption' }, f.caption));
  main.append(summary);

  const source = el('p', { class: 'chart-source' }, f.source);
  if (f.illustrative) source.append(' ', el('strong', { class: 'illustrative' }, ILLUSTRATIVE_NOTE));
  return el('figure', { class: 'chart-figure', id: ids.figure }, main, dataTable(el, f), source);
}

/** A chart node in the export: its figure, or a note saying why it could not be drawn. */
export function chartHtml(el: ElementBuilder, f: FigureResult | undefined, slot: SlotName): El {
  if (!f) return el('div');
  if (f.ok) return drawnFigureHtml(el, f, slot);
  return el('div', { class: 'chart-unavailable', role: 'note' }, el('p', {}, el('strong', {}, `Chart not available (${f.title}): `), f.message));
}
