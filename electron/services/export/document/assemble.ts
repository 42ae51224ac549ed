import { JSDOM } from 'jsdom';
import type { Project } from '../../project/project';
import type { DrawnFigure, FigureResult } from '../figures';
import { sanitizeDocumentHtml } from '../sanitizeHtml';
import type { Plan } from './chapterPlan';
import { chapterSectionsHtml } from './chapterSections';
import { contentsHtml, figureListHtml } from './contents';
import { elementBuilder } from './dom';
import { newFigureSlots } from './figureSlots';
import { fillHead, withCsp } from './head';
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
 * chapters, appendix of recommendations by partner. Built on jsdom, then sanitised with DOMPurify.
 */
export function assembleDocument(project: Project, title: TitlePage, p: Plan, figures: readonly FigureResult[], chapterIds?: ReadonlySet<string>): AssembledDocument {
  const assembleStart = performance.now();
  const drawn = figures.filter((f): f is DrawnFigure => f.ok);
  const { nonce, slot } = newFigureSlots();

  const dom = new JSDOM('<!DOCTYPE html><html lang="en-GB"><head></head><body></body></html>');
  const doc = dom.window.document;
  const el = elementBuilder(doc);
  fillHead(el, doc.head, title.title);

  const page = el('div', { class: 'page' });
  doc.body.append(page);
  page.append(titlePageHtml(el, title));

  // Appendix data first: the contents lists it.
  const appendix = appendixData(project, chapterIds);
  page.append(contentsHtml(el, p, appendix.groups.length > 0));
  const figureList = figureListHtml(el, drawn);
  if (figureList) page.append(figureList);

  const main = el('main', { id: 'main' });
  page.append(main);
  main.append(...chapterSectionsHtml(el, doc, p, figures, slot));
  const appendixSection = partnerAppendixHtml(el, appendix, new Set(p.recommendationIds.values()));
  if (appendixSection) main.append(appendixSection);

  const html = withCsp(sanitizeDocumentHtml(dom.serialize()));
  dom.window.close();
  return { html, nonce, drawn, assembleMs: performance.now() - assembleStart };
}
