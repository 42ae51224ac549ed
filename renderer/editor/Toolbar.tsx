import type { Editor } from '@tiptap/core';
import { insertTable } from './insertTable';
import { insertNewChart } from './insertChart';
import { LinkTool } from './LinkTool';
import { mayLeaveRecommendation } from './leaveRecommendation';

interface ToolProps {
  label: string;
  shortcut?: string;
  active?: boolean;
  disabled?: boolean;
  onClick(): void;
  children: React.ReactNode;
}

function Tool({ label, shortcut, active, disabled, onClick, children }: ToolProps) {
  return (
    <button
      type="button"
      aria-label={label}
      title={shortcut ? `${label} (${shortcut})` : label}
      aria-pressed={active}
      aria-keyshortcuts={shortcut}
      disabled={disabled}
      onMouseDown={(e) => e.preventDefault()}
      onClick={onClick}
    >
      {children}
    </button>
  );
}

/**
 * Formatting and insert actions; every one also has a keyboard shortcut or a "/" command. Each
 * button's name contains the words it shows (WCAG 2.5.3), so "click H2" works for speech input.
 */
export function Toolbar({ editor }: { editor: Editor }) {
  const chain = () => editor.chain().focus();
  return (
    <div className="toolbar" role="toolbar" aria-label="Formatting">
      <Tool label="Undo" shortcut="Control+Z" disabled={!editor.can().undo()} onClick={() => chain().undo().run()}>
        ↶
      </Tool>
      <Tool label="Redo" shortcut="Control+Shift+Z" disabled={!editor.can().redo()} onClick={() => chain().redo().run()}>
        ↷
      </Tool>
      <span className="sep" />
      <Tool label="Bold" shortcut="Control+B" active={editor.isActive('bold')} onClick={() => chain().toggleBold().run()}>
        <b>B</b>
      </Tool>
      <Tool label="Italic" shortcut="Control+I" active={editor.isActive('italic')} onClick={() => chain().toggleItalic().run()}>
        <i>I</i>
      </Tool>
      <Tool label="H2 heading" active={editor.isActive('heading', { level: 2 })} onClick={() => mayLeaveRecommendation(editor) && chain().toggleHeading({ level: 2 }).run()}>
        H2
      </Tool>
      <Tool label="H3 subheading" active={editor.isActive('heading', { level: 3 })} onClick={() => mayLeaveRecommendation(editor) && chain().toggleHeading({ level: 3 }).run()}>
        H3
      </Tool>
      <Tool label="Bulleted list" active={editor.isActive('bulletList')} onClick={() => chain().toggleBulletList().run()}>
        • List
      </Tool>
      <Tool label="Numbered list" active={editor.isActive('orderedList')} onClick={() => chain().toggleOrderedList().run()}>
        {/* The "1." is drawn by CSS, an icon rather than words: the name says "Numbered list". */}
        <span className="tool-icon" data-icon="1." aria-hidden="true" /> List
      </Tool>
      <LinkTool editor={editor} />
      <Tool label="Table" onClick={() => insertTable(editor)}>
        Table
      </Tool>
      <span className="sep" />
      <Tool
        label="Make recommendation"
        active={editor.isActive('recommendation')}
        onClick={() => mayLeaveRecommendation(editor) && (editor.isActive('recommendation') ? chain().setParagraph().run() : chain().setNode('recommendation', { partners: [] }).run())}
      >
        Recommendation
      </Tool>
      <Tool label="Insert chart" onClick={() => void insertNewChart(editor, { kind: 'trend' })}>
        Chart
      </Tool>
    </div>
  );
}
