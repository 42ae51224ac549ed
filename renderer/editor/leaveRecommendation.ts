import type { Editor } from '@tiptap/core';
import { partnersOf } from '../../shared/editor/nodes/recommendation';

/** The owners of every recommendation the selection touches (a selection may span several blocks). */
function ownersInSelection(editor: Editor): string[] {
  const { from, to } = editor.state.selection;
  const owners = new Set<string>();
  editor.state.doc.nodesBetween(from, to, (node) => {
    if (node.type.name !== 'recommendation') return true;
    for (const p of partnersOf(node.attrs)) owners.add(p);
    return false;
  });
  return [...owners];
}

/**
 * Before the toolbar changes the kind of the blocks in the selection (plain text, a heading, a new
 * recommendation): when any recommendation there has owners, the author is asked, naming them,
 * because the owners come off and it leaves the register (its status history is kept, under
 * removed recommendations). True to go on.
 */
export function mayLeaveRecommendation(editor: Editor, confirm: (message: string) => boolean = (m) => window.confirm(m)): boolean {
  const owners = ownersInSelection(editor);
  if (owners.length === 0) return true;
  return confirm(
    `Make this recommendation ordinary text? Its owners (${owners.join(', ')}) come off it and it leaves the register; its status history is kept under removed recommendations. Undo puts it back.`,
  );
}
