import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import { useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import { matchingCommands, openSlashQuery, runSlashCommand, selectedSlashIndex } from './slashCommands';

/**
 * The list of "/" commands for what has been typed so far: ↓/↑ choose, Enter runs the chosen one,
 * Escape closes it.
 * Focus stays in the editor, which names the chosen option as its aria-activedescendant.
 */
export function SlashMenu({ editor }: { editor: Editor }) {
  const { query, selected } = useEditorState({ editor, selector: ({ editor: e }) => ({ query: openSlashQuery(e), selected: selectedSlashIndex(e) }) });
  const items = query === null ? [] : matchingCommands(query);
  const base = useId();
  const activeId = items.length ? `${base}-option-${selected}` : null;

  useEffect(() => {
    const dom = editor.view.dom;
    if (!activeId) return;
    dom.setAttribute('aria-activedescendant', activeId);
    dom.setAttribute('aria-controls', `${base}-menu`);
    return () => {
      dom.removeAttribute('aria-activedescendant');
      dom.removeAttribute('aria-controls');
    };
  }, [editor, activeId, base]);

  // Just below the line being typed on, not over the text above it.
  const menu = useRef<HTMLDivElement>(null);
  const [at, setAt] = useState<{ top: number; left: number } | null>(null);
  const open = items.length > 0;
  useLayoutEffect(() => {
    const parent = menu.current?.offsetParent;
    if (!open || !parent) return;
    const caret = editor.view.coordsAtPos(editor.state.selection.from);
    const box = parent.getBoundingClientRect();
    setAt({ top: caret.bottom - box.top + parent.scrollTop + 4, left: Math.max(0, caret.left - box.left + parent.scrollLeft) });
  }, [editor, open, query]);

  if (!open) return null;
  return (
    <div className="slash-menu" role="listbox" aria-label="Insert" id={`${base}-menu`} ref={menu} style={at ? { top: at.top, left: at.left } : undefined}>
      {items.map((c, i) => (
        <button
          type="button"
          role="option"
          id={`${base}-option-${i}`}
          aria-selected={i === selected}
          tabIndex={-1}
          key={c.name}
          onMouseDown={(e) => {
            e.preventDefault();
            runSlashCommand(editor, c);
          }}
        >
          {c.name}
          {i === selected && <span className="hint"> ↵</span>}
        </button>
      ))}
    </div>
  );
}
