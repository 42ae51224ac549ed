import type { Project } from '../../project/project';
import { formatLongDate } from '../figures';
import type { El, ElementBuilder } from './dom';

export interface TitlePage {
  title: string;
  /** e.g. "Staffordshire and Stoke-on-Trent"; from the project's `area` setting. */
  area: string | null;
  /** "24 November 2026": the day of export. */
  date: string;
  authors: string | null;
  version: string | null;
}

export function titlePageOf(project: Project, now: Date): TitlePage {
  const meta = (key: string) => project.getMeta(key)?.trim() || null;
  return {
    title: meta('title') ?? 'Joint Strategic Needs Assessment',
    area: meta('area'),
    date: formatLongDate(now),
    authors: meta('authors'),
    version: meta('version'),
  };
}

/** The title page: document type, title, and the project's details that are set. */
export function titlePageHtml(el: ElementBuilder, title: TitlePage): El {
  const meta = el('dl', { class: 'doc-meta' });
  const metaRow = (label: string, value: string | null) => {
    if (value) meta.append(el('div', {}, el('dt', {}, label), el('dd', {}, value)));
  };
  metaRow('Area', title.area);
  metaRow('Published', title.date);
  metaRow('Authors', title.authors);
  metaRow('Version', title.version);
  return el('header', { class: 'title-page' }, el('p', { class: 'doc-type' }, 'Joint Strategic Needs Assessment'), el('h1', {}, title.title), meta);
}
