import type { DocJson, NodeJson } from '../api/chapters';
import { partnersOf } from './nodes/recommendation';

export interface RecommendationInDoc {
  id: string;
  text: string;
  partners: string[];
  /** The nearest heading above it, or null. */
  section: string | null;
  /** Order within the chapter, from 1. */
  position: number;
}

export function textOf(node: NodeJson): string {
  if (node.type === 'text') return node.text ?? '';
  if (node.type === 'hardBreak') return '\n';
  return (node.content ?? []).map(textOf).join('');
}

/** Every recommendation node in a chapter, in order, with the heading it sits under. */
export function recommendationsInDoc(doc: DocJson): RecommendationInDoc[] {
  const out: RecommendationInDoc[] = [];
  let section: string | null = null;
  const walk = (nodes: NodeJson[] | undefined) => {
    for (const node of nodes ?? []) {
      if (node.type === 'heading') section = textOf(node).trim() || section;
      else if (node.type === 'recommendation') {
        const id = node.attrs?.id;
        if (typeof id === 'string' && id) {
          const partners = partnersOf(node.attrs);
          out.push({ id, text: textOf(node).trim(), partners, section, position: out.length + 1 });
        }
      } else walk(node.content);
    }
  };
  walk(doc.content);
  return out;
}
