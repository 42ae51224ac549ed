import { type DrawnFigure, figureIds } from '../figures';
import type { Plan } from './chapterPlan';
import type { El, ElementBuilder } from './dom';
import { APPENDIX_ID, APPENDIX_TITLE } from './partnerAppendix';

/** Where the PDF’s contents shows the page an entry is on: empty here; the print fills it in (see pdfContents.ts). */
export function pageSlot(el: ElementBuilder, id: string): El {
  return el('span', { class: 'toc-page', 'data-page-of': id });
}

/** The contents: each chapter with its top-level headings, and the appendix when there is one. */
export function contentsHtml(el: ElementBuilder, p: Plan, hasAppendix: boolean): El {
  const toc = el('ol');
  p.chapters.forEach((c, i) => {
    const li = el('li', {}, pageSlot(el, c.id), el('a', { href: `#${c.id}` }, `${i + 1}. ${c.row.title}`));
    if (c.headings.length) {
      const sub = el('ol');
      for (const h of c.headings) sub.append(el('li', {}, pageSlot(el, h.id), el('a', { href: `#${h.id}` }, h.text)));
      li.append(sub);
    }
    toc.append(li);
  });
  if (hasAppendix) toc.append(el('li', {}, pageSlot(el, APPENDIX_ID), el('a', { href: `#${APPENDIX_ID}` }, APPENDIX_TITLE)));
  return el('nav', { class: 'toc', 'aria-labelledby': 'contents-title' }, el('h2', { id: 'contents-title' }, 'Contents'), toc);
}

/** The list of figures (drawn ones only: only they are numbered), or null when there are none. */
export function figureListHtml(el: ElementBuilder, drawn: readonly DrawnFigure[]): El | null {
  if (!drawn.length) return null;
  const list = el('ol');
  for (const f of drawn) list.append(el('li', {}, pageSlot(el, figureIds(f.number).figure), el('a', { href: `#${figureIds(f.number).figure}` }, `Figure ${f.number}: ${f.title}`)));
  return el('nav', { class: 'figure-list', 'aria-labelledby': 'figures-title' }, el('h2', { id: 'figures-title' }, 'Figures'), list);
}
