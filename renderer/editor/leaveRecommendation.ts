import type { Editor } from '@tiptap/core';

/**
 * Before the toolbar turns a recommendation into another kind of block (plain text, a heading):
 * when it has owners, the author is asked, naming them, because the owners come off it and it
 * leaves the register (its status history is kept, under removed recommendations). True to go on.
 */
export function mayLeaveRecommendation(editor: Editor, confirm: (message: string) => boolean = (m) => window.confirm(m)): boolean {
  if (!editor.isActive('recommendation')) return true;
  const partners = (editor.getAttributes('recommendation').partners as unknown[] | undefined)?.filter((p): p is string => typeof p === 'string') ?? [];
  if (partners.length === 0) return true;
  return confirm(
    `Make this recommendation ordinary text? Its owners (${partners.join(', ')}) come off it and it leaves the register; its status history is kept under removed recommendations. Undo puts it back.`,
  );
}
