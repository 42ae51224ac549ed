import { DOMSerializer, type Node as PMNode } from '@tiptap/pm/model';
import { partnersOf, partnerTag } from '../../../../shared/editor/nodes/recommendation';
import { editorSchema } from '../../documents/editorSchema';
import type { FigureResult } from '../figures';
import type { Plan } from './chapterPlan';
import type { ElementBuilder } from './dom';
import { chartHtml, type SlotName } from './figureHtml';
import { HtmlSerializer, type MarkRenderer, type NodeRenderer } from './pmHtml';

/**
 * The chapters' serializer: the editor schema's own (shared/editor/extensions.ts), with export
 * renderings of three nodes: headings (shifted under the chapter title, with ids for the contents),
 * charts (a numbered figure) and recommendations (text + partner tags, with an anchor).
 */
export function exportSerializer(el: ElementBuilder, p: Plan, figures: Map<PMNode, FigureResult>, slot: SlotName): HtmlSerializer {
  const base = DOMSerializer.fromSchema(editorSchema());
  const nodes: Record<string, NodeRenderer> = {
    ...(base.nodes as Record<string, NodeRenderer>),
    heading: (node: PMNode) => {
      const h = p.headingIds.get(node) ?? { id: '', level: 3 };
      return [`h${h.level}`, h.id ? { id: h.id } : {}, 0] as const;
    },
    chart: (node: PMNode) => chartHtml(el, figures.get(node), slot),
    recommendation: (node: PMNode) => {
      const partners = partnersOf(node.attrs);
      const id = p.recommendationIds.get(node) ?? '';
      const text = el('span', { class: 'recommendation-text' });
      const para = el('p', {}, text, ' ', el('span', { class: 'partner-tags' }, partnerTag(partners)));
      const wrap = el('div', { class: partners.length ? 'recommendation' : 'recommendation needs-owner', ...(id ? { id } : {}) }, para);
      return { dom: wrap, contentDOM: text };
    },
  };
  return new HtmlSerializer(nodes, base.marks as Record<string, MarkRenderer>);
}
