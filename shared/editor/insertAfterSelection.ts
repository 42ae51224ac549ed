import { NodeSelection, type Selection, TextSelection } from '@tiptap/pm/state';

/** A position for tiptap's insertContentAt: a point, or a range it may fill (only ever an empty line). */
export type InsertionPoint = number | { from: number; to: number };

/**
 * Where an insert (chart, table, imported text) goes so that it never replaces what the author
 * has selected: after a selected node (chart, recommendation, table), after the block that ends a
 * text selection, before or after the line when the cursor is at its start or end, into an empty
 * line, and otherwise at the cursor (splitting the line there, as typing Enter would).
 */
export function insertionPoint(selection: Selection): InsertionPoint {
  if (selection instanceof NodeSelection) return selection.to;
  const { $from, $to, empty } = selection;
  if (selection instanceof TextSelection) {
    if ($to.depth === 0) return selection.to;
    const size = $to.parent.content.size;
    if (empty && size === 0) return { from: $from.pos, to: $to.pos };
    if (empty && $from.parentOffset === 0) return $from.before();
    if (!empty || $to.parentOffset === size) return $to.after();
    return $to.pos;
  }
  // Cell selections, select-all: after the top-level block that holds the selection's end.
  return $to.depth > 0 ? $to.after(1) : selection.to;
}
