import { Extension, type Editor } from '@tiptap/core';

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
    run: (e) => e.commands.insertChart({ kind: 'trend' }),
  },
  {
    name: 'Recommendation',
    keywords: ['recommendation', 'rec', 'action'],
    run: (e) => e.chain().setNode('recommendation', { partners: [] }).run(),
  },
  { name: 'Heading', keywords: ['heading', 'title', 'h2'], run: (e) => e.chain().setNode('heading', { level: 2 }).run() },
  { name: 'Subheading', keywords: ['subheading', 'h3'], run: (e) => e.chain().setNode('heading', { level: 3 }).run() },
  { name: 'Bulleted list', keywords: ['list', 'bullet'], run: (e) => e.chain().toggleBulletList().run() },
  { name: 'Table', keywords: ['table', 'grid'], run: (e) => e.chain().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run() },
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

/** Enter on a "/query" line runs the first matching command (the menu shows which). */
export const SlashCommands = Extension.create({
  name: 'slashCommands',
  addKeyboardShortcuts() {
    return {
      Enter: ({ editor }) => {
        const query = slashQuery(editor);
        if (query === null) return false;
        const first = matchingCommands(query)[0];
        if (!first) return false;
        runSlashCommand(editor, first);
        return true;
      },
    };
  },
});
