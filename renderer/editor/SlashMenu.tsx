import type { Editor } from '@tiptap/core';
import { matchingCommands, runSlashCommand, slashQuery } from './slashCommands';

/** The list of "/" commands for what has been typed so far; Enter runs the first. */
export function SlashMenu({ editor }: { editor: Editor }) {
  const query = slashQuery(editor);
  if (query === null) return null;
  const items = matchingCommands(query);
  if (!items.length) return null;
  return (
    <div className="slash-menu" role="listbox" aria-label="Insert">
      {items.map((c, i) => (
        <button
          type="button"
          role="option"
          aria-selected={i === 0}
          key={c.name}
          onMouseDown={(e) => {
            e.preventDefault();
            runSlashCommand(editor, c);
          }}
        >
          {c.name}
          {i === 0 && <span className="hint"> ↵</span>}
        </button>
      ))}
    </div>
  );
}
