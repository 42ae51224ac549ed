import { Extension, type Editor } from '@tiptap/core';
import { insertTable } from './insertTable';
import { insertNewChart } from './insertChart';

export interface SlashCommand {
  name: string;
  keywords: string[];
  run(editor: Editor): void;
}

/** What "/" offers at the start of an empty line. */
export const slashCommands: SlashCommand[] = [
  {
    name: 'Chart',
    keywords: ['chart', 'graph', 'indicator', 'figure'],
    run: (e) => void insertNewChart(e, { kind: 'trend' }),
  },
  {
    name: 'Recommendation',
    keywords: ['recommendation', 'rec', 'action'],
    run: (e) => e.chain().setNode('recommendation', { partners: [] }).run(),
  },
  { name: 'Heading', keywords: ['heading', 'title', 'h2'], run: (e) => e.chain().setNode('heading', { level: 2 }).run() },
  { name: 'Subheading', keywords: ['subheading', 'h3'], run: (e) => e.chain().setNode('heading', { level: 3 }).run() },
  { name: 'Bulleted list', keywords: ['list', 'bullet'], run: (e) => e.chain().toggleBulletList().run() },
  { name: 'Table', keywords: ['table', 'grid'], run: (e) => void insertTable(e) },
];

/** The "/query" typed at the start of the current paragraph, or null. */
export function slashQuery(editor: Editor): string | null {
  const { $from, empty } = editor.state.selection;
  if (!empty || $from.parent.type.name !== 'paragraph') return null;
  const text = $from.parent.textContent;
  if (!text.startsWith('/') || $from.parentOffset !== text.length || text.includes(' ')) return null;
  return text.slice(1).toLowerCase();
}

export function matchingCommands(query: string): SlashCommand[] {
  return slashCommands.filter((c) => c.name.toLowerCase().startsWith(query) || c.keywords.some((k) => k.startsWith(query)));
}

/** Clears the "/query" text, then runs the command. */
export function runSlashCommand(editor: Editor, command: SlashCommand): void {
  const { $from } = editor.state.selection;
  editor.chain().deleteRange({ from: $from.start(), to: $from.pos }).run();
  command.run(editor);
}

/** Which of the matching commands is chosen for a "/query": the first, until the arrow keys move it. */
interface SlashStorage {
  query: string | null;
  selected: number;
  /** Escape closed the menu: it stays closed until the document changes. */
  dismissed: boolean;
}

/** The "/query" the menu is for, or null when there is none or Escape closed it. */
export function openSlashQuery(editor: Editor): string | null {
  const query = slashQuery(editor);
  if (query === null) return null;
  return (editor.storage as unknown as { slashCommands?: SlashStorage }).slashCommands?.dismissed ? null : query;
}

/** The chosen command's index among the matches for the current "/query" (0 when it just changed). */
export function selectedSlashIndex(editor: Editor): number {
  const storage = (editor.storage as unknown as { slashCommands?: SlashStorage }).slashCommands;
  return storage && storage.query === slashQuery(editor) ? storage.selected : 0;
}

/**
 * On a "/query" line: ↓ and ↑ move through the matching commands, Enter runs the chosen one (the
 * menu shows which; the editor points assistive technology at it with aria-activedescendant), and
 * Escape closes the menu, leaving the typed text as it is.
 */
export const SlashCommands = Extension.create<Record<string, never>, SlashStorage>({
  name: 'slashCommands',
  addStorage() {
    return { query: null, selected: 0, dismissed: false };
  },
  onUpdate() {
    this.storage.dismissed = false;
  },
  addKeyboardShortcuts() {
    const move = (editor: Editor, by: number) => {
      const query = openSlashQuery(editor);
      if (query === null) return false;
      const count = matchingCommands(query).length;
      if (count === 0) return false;
      this.storage.selected = (selectedSlashIndex(editor) + by + count) % count;
      this.storage.query = query;
      // Nothing in the document changes: a transaction only so that the menu redraws.
      editor.view.dispatch(editor.state.tr.setMeta('slashSelection', this.storage.selected));
      return true;
    };
    return {
      ArrowDown: ({ editor }) => move(editor, 1),
      ArrowUp: ({ editor }) => move(editor, -1),
      Escape: ({ editor }) => {
        if (openSlashQuery(editor) === null) return false;
        this.storage.dismissed = true;
        editor.view.dispatch(editor.state.tr.setMeta('slashSelection', 'dismissed'));
        return true;
      },
      Enter: ({ editor }) => {
        const query = openSlashQuery(editor);
        if (query === null) return false;
        const chosen = matchingCommands(query)[selectedSlashIndex(editor)];
        if (!chosen) return false;
        runSlashCommand(editor, chosen);
        return true;
      },
    };
  },
});
