import type { Editor } from '@tiptap/core';
import { EditorContent, useEditor, useEditorState } from '@tiptap/react';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Chapter, DocJson } from '../../shared/api';
import { editorExtensions } from '../editor/editorExtensions';
import { PartnerDirectoryContext, type PartnerDirectoryValue } from '../editor/partnerDirectory';
import { SlashMenu } from '../editor/SlashMenu';
import { Toolbar } from '../editor/Toolbar';
import { useForeignRecommendationIds } from '../editor/useForeignRecommendationIds';
import { usePartnerDirectoryLoader } from '../editor/usePartnerDirectoryLoader';
import { api, call } from '../lib/api';
import { Autosave, type SaveStatus } from '../lib/autosave';
import { countWords } from '../lib/wordCount';
import { SaveIndicator } from './SaveIndicator';
import { ErrorAlert } from './ErrorAlert';

interface EditorProps {
  chapterId: string;
  title: string;
  readOnly: boolean;
  /** false: kept loaded but hidden (another chapter is showing), so its undo history survives. */
  active?: boolean;
  focusRecommendation?: string | null;
  focusHeading?: { index: number; nonce: number } | null;
  onSaved?: () => void;
  /** Tells the page which editor is current (the indicator browser inserts charts into it). */
  onEditor?: (editor: Editor | null) => void;
}

/** Loads one chapter, edits it with tiptap, and autosaves it. */
export function ChapterEditor(props: EditorProps) {
  const [chapter, setChapter] = useState<Chapter | null>(null);
  const [error, setError] = useState<string | null>(null);
  const directory = usePartnerDirectoryLoader();

  useEffect(() => {
    let live = true;
    api['chapters.get']({ id: props.chapterId }).then(
      (c) => live && setChapter(c),
      (e: Error) => live && setError(e.message),
    );
    return () => {
      live = false;
    };
  }, [props.chapterId]);

  if (error) return <ErrorAlert error={error} />;
  if (!chapter) return <p aria-busy="true">Loading chapter…</p>;
  return (
    <PartnerDirectoryContext.Provider value={directory}>
      <LoadedEditor chapter={chapter} directory={directory} {...props} />
    </PartnerDirectoryContext.Provider>
  );
}

function LoadedEditor({
  chapter,
  directory,
  title,
  readOnly,
  active = true,
  focusRecommendation,
  focusHeading,
  onSaved,
  onEditor,
}: EditorProps & { chapter: Chapter; directory: PartnerDirectoryValue }) {
  const [status, setStatus] = useState<SaveStatus>({ state: 'saved', at: chapter.updatedAt });
  const autosave = useRef<Autosave | null>(null);
  const directoryRef = useRef(directory);
  directoryRef.current = directory;
  const onSavedRef = useRef(onSaved);
  onSavedRef.current = onSaved;
  if (!autosave.current) {
    autosave.current = new Autosave({
      revision: chapter.revision,
      save: async (doc, baseRevision, keepalive) => {
        const r = await call('chapters.save', { id: chapter.id, doc, baseRevision }, { keepalive });
        onSavedRef.current?.();
        return r;
      },
      onStatus: setStatus,
    });
  }

  const foreignIds = useForeignRecommendationIds(chapter.id, active);
  const foreignIdsRef = useRef(foreignIds);
  foreignIdsRef.current = foreignIds;
  const extensions = useMemo(() => editorExtensions(() => directoryRef.current.partners, () => foreignIdsRef.current()), []);
  const editor = useEditor({
    extensions,
    content: chapter.doc,
    editable: !readOnly,
    injectCSS: false,
    immediatelyRender: true,
    shouldRerenderOnTransaction: false,
    editorProps: { attributes: { 'aria-label': `${title} text`, role: 'textbox', 'aria-multiline': 'true', class: 'prose' } },
    onUpdate: ({ editor: e }) => autosave.current?.changed(() => e.getJSON() as DocJson),
    onBlur: () => void autosave.current?.flush(),
  });

  // Toolbar state and the slash menu re-render on selection changes, not the whole editor.
  useEditorState({ editor, selector: ({ editor: e }) => ({ sel: e.state.selection.toJSON(), undo: e.can().undo() }) });
  const words = useEditorState({ editor, selector: ({ editor: e }) => (status.state === 'saving' || status.state === 'saved' ? countWords(e.state.doc.textBetween(0, e.state.doc.content.size, ' ', ' ')) : null) });
  const lastWords = useRef<number>(0);
  if (typeof words === 'number') lastWords.current = words;

  useEffect(() => {
    onEditor?.(editor);
    return () => onEditor?.(null);
  }, [editor, onEditor]);

  useEffect(() => {
    if (!editor || !focusRecommendation) return;
    // React node views draw after the editor mounts: look for the recommendation for up to ~1 s of frames.
    let frame = 0;
    let tries = 0;
    const find = () => {
      const el = editor.view.dom.querySelector(`[data-id="${CSS.escape(focusRecommendation)}"]`);
      if (!el) {
        if (++tries < 60) frame = requestAnimationFrame(find);
        return;
      }
      el.scrollIntoView({ block: 'center' });
      const pos = editor.view.posAtDOM(el, 0);
      editor.chain().focus().setTextSelection(pos + 1).run();
      el.classList.add('flash');
    };
    find();
    return () => cancelAnimationFrame(frame);
  }, [editor, focusRecommendation]);

  useEffect(() => {
    if (!editor || !focusHeading) return;
    const el = editor.view.dom.querySelectorAll('h1, h2, h3, h4')[focusHeading.index];
    if (el) {
      el.scrollIntoView({ block: 'start' });
      editor.chain().focus().setTextSelection(editor.view.posAtDOM(el, 0)).run();
    }
  }, [editor, focusHeading]);

  useEffect(() => {
    const saver = autosave.current!;
    const onHide = () => {
      if (document.visibilityState === 'hidden') void saver.flush(true);
    };
    const onPageHide = () => void saver.flush(true);
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (saver.hasUnsavedChanges) {
        void saver.flush(true);
        e.preventDefault();
      }
    };
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('pagehide', onPageHide);
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('pagehide', onPageHide);
      window.removeEventListener('beforeunload', onBeforeUnload);
      void saver.flush().finally(() => saver.dispose());
    };
  }, []);

  // Hidden chapters keep only their text (same tree, so the editor view is never re-mounted).
  return (
    <article className="chapter">
      {active && (
        <div className="chapter-head">
          <h1>{title}</h1>
          <div className="chapter-meta">
            <SaveIndicator status={status} />
            <p className="word-count" aria-live="off">
              {lastWords.current.toLocaleString('en-GB')} words
            </p>
          </div>
        </div>
      )}
      {active && editor && !readOnly && <Toolbar editor={editor} />}
      <div className="editor-wrap">
        <EditorContent editor={editor} className="editor" />
        {active && editor && !readOnly && <SlashMenu editor={editor} />}
      </div>
    </article>
  );
}
