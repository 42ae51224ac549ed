import type { Project } from '../../project/project';
import type { DrawnFigure, FigureResult } from '../figures';
import type { Plan } from './chapterPlan';
import { chapterSectionsHtml } from './chapterSections';
import { contentsHtml, figureListHtml } from './contents';
import { elementBuilder } from './dom';
import { newFigureSlots } from './figureSlots';
import { fillHead, withCsp } from './head';
import { htmlOf } from './html';
import { appendixData, partnerAppendixHtml } from './partnerAppendix';
import { type TitlePage, titlePageHtml } from './titlePage';

export interface AssembledDocument {
  /** Sanitised, with the CSP, each drawn figure's SVG still to be placed in its slot (see figureSlots). */
  html: string;
  nonce: string;
  drawn: DrawnFigure[];
  assembleMs: number;
}

/**
 * The document around the images, in reading order: title page, contents, list of figures,
 * chapters, appendix of recommendations by partner. Built as html.ts elements and written out
 * sanitised (htmlPolicy.ts: DOMPurify's rules, applied as each piece enters).
 */
export function assembleDocument(project: Project, title: TitlePage, p: Plan, figures: readonly FigureResult[], chapterIds?: ReadonlySet<string>): AssembledDocument {
  const assembleStart = performance.now();
  const drawn = figures.filter((f): f is DrawnFigure => f.ok);
  const { nonce, slot } = newFigureSlots();

  const el = elementBuilder();
  const head = el('head');
  fillHead(el, head, title.title);

  const page = el('div', { class: 'page' });
  page.append(titlePageHtml(el, title));

  // Appendix data first: the contents lists it.
  const appendix = appendixData(project, chapterIds);
  page.append(contentsHtml(el, p, appendix.groups.length > 0));
  const figureList = figureListHtml(el, drawn);
  if (figureList) page.append(figureList);

  const main = el('main', { id: 'main' });
  page.append(main);
  main.append(...chapterSectionsHtml(el, p, figures, slot));
  const appendixSection = partnerAppendixHtml(el, appendix, new Set(p.recommendationIds.values()));
  if (appendixSection) main.append(appendixSection);

  const html = withCsp(`<!DOCTYPE html>\n${htmlOf(el('html', { lang: 'en-GB' }, head, el('body', {}, page)))}\n`);
  return { html, nonce, drawn, assembleMs: performance.now() - assembleStart };
}
