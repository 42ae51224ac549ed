import type { Node as PMNode } from '@tiptap/pm/model';
import type { FigureResult } from '../figures';
import type { Plan } from './chapterPlan';
import type { El, ElementBuilder } from './dom';
import type { SlotName } from './figureHtml';
import { exportSerializer } from './serializer';

/** The chapters, each a numbered <section> with its title as <h2>, its charts as figures. */
export function chapterSectionsHtml(el: ElementBuilder, p: Plan, figures: readonly FigureResult[], slot: SlotName): El[] {
  const figureOf = new Map<PMNode, FigureResult>();
  p.chartNodes.forEach((n, i) => figureOf.set(n, figures[i]!));
  const serializer = exportSerializer(el, p, figureOf, slot);
  return p.chapters.map((c, i) => {
    const section = el('section', { class: 'chapter', id: c.id, 'aria-labelledby': `${c.id}-title` });
    section.append(el('h2', { id: `${c.id}-title` }, `${i + 1}. ${c.row.title}`));
    serializer.serializeFragment(c.node.content, section);
    return section;
  });
}
