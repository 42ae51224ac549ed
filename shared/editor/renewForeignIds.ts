import { Fragment, type Node as PmNode, Slice } from '@tiptap/pm/model';

/**
 * A pasted slice with recommendations whose ids are in use elsewhere (another chapter still shows
 * them) given no id, so the document's id plugin issues fresh ones: a copy is a new recommendation
 * with its own history. A cut-and-paste move keeps its id (the other chapter no longer has it).
 */
export function renewForeignIds(slice: Slice, foreign: ReadonlySet<string>): Slice {
  if (foreign.size === 0) return slice;
  const renew = (fragment: Fragment): Fragment => {
    const nodes: PmNode[] = [];
    fragment.forEach((node) => {
      if (node.type.name === 'recommendation' && foreign.has(node.attrs.id as string)) {
        nodes.push(node.type.create({ ...node.attrs, id: null }, node.content, node.marks));
      } else if (node.childCount > 0 && !node.isTextblock) {
        nodes.push(node.copy(renew(node.content)));
      } else {
        nodes.push(node);
      }
    });
    return Fragment.from(nodes);
  };
  return new Slice(renew(slice.content), slice.openStart, slice.openEnd);
}
