import type { DocJson, NodeJson } from '../api/chapters';
import { newId } from '../ids';
import { normalisePartnerCode } from '../partners/normalise';
import type { Block } from './textToBlocks';

const inline = (text: string): NodeJson[] => (text ? [{ type: 'text', text }] : []);

/**
 * Turns recognised blocks into editor nodes (headings, paragraphs, recommendation nodes with new
 * ids), partner codes normalised to the directory's spelling. Used by file import and by paste.
 */
export function blocksToNodes(blocks: Block[], directory: readonly { code: string }[]): { nodes: NodeJson[]; unknownPartners: string[] } {
  const unknown = new Set<string>();
  const nodes: NodeJson[] = blocks.map((b) => {
    switch (b.kind) {
      case 'heading':
        return { type: 'heading', attrs: { level: b.level }, content: inline(b.text) };
      case 'paragraph':
        return { type: 'paragraph', content: inline(b.text) };
      case 'recommendation': {
        const partners: string[] = [];
        for (const raw of b.partners) {
          const { code, known } = normalisePartnerCode(raw, directory);
          if (!known) unknown.add(code);
          if (!partners.some((p) => p.toLowerCase() === code.toLowerCase())) partners.push(code);
        }
        return { type: 'recommendation', attrs: { id: newId(), partners }, content: inline(b.text) };
      }
    }
  });
  return { nodes, unknownPartners: [...unknown] };
}

export function blocksToDoc(blocks: Block[], directory: readonly { code: string }[]): { doc: DocJson; unknownPartners: string[] } {
  const { nodes, unknownPartners } = blocksToNodes(blocks, directory);
  return { doc: { type: 'doc', content: nodes.length ? nodes : [{ type: 'paragraph' }] }, unknownPartners };
}
