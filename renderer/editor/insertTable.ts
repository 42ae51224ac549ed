import type { Editor } from '@tiptap/core';
import { TextSelection } from '@tiptap/pm/state';
import { emptyTable } from '../../shared/editor/emptyTable';
import { insertionPoint } from '../../shared/editor/insertAfterSelection';

/** A 3×3 table with a header row, after the selection (never in place of it), the cursor in its first cell. */
export function insertTable(editor: Editor): boolean {
  const point = insertionPoint(editor.state.selection);
  const start = typeof point === 'number' ? point : point.from - 1;
  return editor
    .chain()
    .focus()
    .insertContentAt(point, emptyTable(3, 3))
    .command(({ tr }) => {
      let cell: number | null = null;
      tr.doc.nodesBetween(Math.max(0, start), tr.doc.content.size, (node, pos) => {
        if (cell !== null) return false;
        if (node.type.name === 'tableHeader' || node.type.name === 'tableCell') cell = pos;
        return true;
      });
      if (cell !== null) tr.setSelection(TextSelection.near(tr.doc.resolve(cell + 1)));
      return true;
    })
    .run();
}
