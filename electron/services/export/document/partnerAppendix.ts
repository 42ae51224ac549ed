import { partnerTag } from '../../../../shared/editor/nodes/recommendation';
import { listPartners } from '../../partners/directory';
import type { Project } from '../../project/project';
import { buildActionList, type PartnerGroup } from '../actionList';
import { type El, type ElementBuilder, safeId } from './dom';

export const APPENDIX_ID = 'recommendations-by-partner';
export const APPENDIX_TITLE = 'Appendix: Recommendations by partner';

export interface AppendixData {
  groups: PartnerGroup[];
  /** Partner code → the code its duties passed to. */
  successors: Map<string, string>;
}

/** The appendix's groups; with `only`, just those chapters' recommendations (partners left without any dropped). */
export function appendixData(project: Project, only?: ReadonlySet<string>): AppendixData {
  let { groups } = buildActionList(project, {});
  if (only) {
    groups = groups
      .map((g) => ({ ...g, chapters: g.chapters.filter((c) => only.has(c.chapterId)) }))
      .map((g) => ({ ...g, count: g.chapters.reduce((n, c) => n + c.rows.length, 0) }))
      .filter((g) => g.count > 0);
  }
  const successors = new Map<string, string>();
  for (const p of listPartners(project)) if (p.successor) successors.set(p.code, p.successor);
  return { groups, successors };
}

export function groupName(g: PartnerGroup): string {
  if (g.code === null) return g.name;
  return g.name && g.name.toLowerCase() !== g.code.toLowerCase() ? `${g.code}: ${g.name}` : g.name || g.code;
}

/** One partner's heading, successor note and list of recommendations (linked where they are in the document). */
function groupHtml(el: ElementBuilder, g: PartnerGroup, gi: number, successors: Map<string, string>, recAnchors: ReadonlySet<string>): El[] {
  const hid = `partner-${gi + 1}`;
  const out = [el('h3', { id: hid }, `${groupName(g)} (${g.count})`)];
  const successor = g.code ? successors.get(g.code) : undefined;
  if (successor) out.push(el('p', {}, `${g.code}’s duties have passed to ${successor}.`));
  const list = el('ol', { class: 'partner-recs', 'aria-labelledby': hid });
  for (const chapter of g.chapters) {
    for (const r of chapter.rows) {
      const anchor = `rec-${safeId(r.id)}`;
      const text = recAnchors.has(anchor) ? el('a', { href: `#${anchor}` }, r.text) : el('span', {}, r.text);
      const where = [chapter.chapter, r.section].filter((s): s is string => Boolean(s && s.trim())).join(', ');
      const li = el('li', {}, text, ' ', el('span', { class: 'partner-tags' }, partnerTag(r.partners)));
      if (where) li.append(el('span', { class: 'rec-where' }, ` (${where})`));
      list.append(li);
    }
  }
  out.push(list);
  return out;
}

/** The appendix "Recommendations by partner", or null when no recommendation has an owner group. */
export function partnerAppendixHtml(el: ElementBuilder, data: AppendixData, recAnchors: ReadonlySet<string>): El | null {
  if (!data.groups.length) return null;
  const section = el('section', { class: 'appendix', id: APPENDIX_ID, 'aria-labelledby': `${APPENDIX_ID}-title` });
  section.append(el('h2', { id: `${APPENDIX_ID}-title` }, APPENDIX_TITLE));
  section.append(
    el(
      'p',
      {},
      'Each recommendation is listed under every partner tagged as owning it, in the order it appears in this document. ' +
        'A recommendation owned by several partners appears under each of them.',
    ),
  );
  data.groups.forEach((g, gi) => section.append(...groupHtml(el, g, gi, data.successors, recAnchors)));
  return section;
}
