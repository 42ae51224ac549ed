import { EditorContent, useEditor } from '@tiptap/react';
import { useEffect, useRef, useState } from 'react';
import type { Chapter, DocJson } from '../../shared/api';
import { documentExtensions } from '../../shared/editor/extensions';
import { api, call } from '../lib/api';
import { Autosave, type SaveStatus } from '../lib/autosave';
import { SaveIndicator } from './SaveIndicator';

/** Loads one chapter, edits it with tiptap, and autosaves it. */
export function ChapterEditor({
  chapterId,
  title,
  readOnly,
  focusRecommendation = null,
}: {
  chapterId: string;
  title: string;
  readOnly: boolean;
  focusRecommendation?: string | null;
}) {
  const [chapter, setChapter] = useState<Chapter | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    api['chapters.get']({ id: chapterId }).then(
      (c) => live && setChapter(c),
      (e: Error) => live && setError(e.message),
    );
    return () => {
      live = false;
    };
  }, [chapterId]);

  if (error) return <p role="alert" className="error">{error}</p>;
  if (!chapter) return <p aria-busy="true">Loading chapter…</p>;
  return <LoadedEditor chapter={chapter} title={title} readOnly={readOnly} focusRecommendation={focusRecommendation} />;
}

function LoadedEditor({
  chapter,
  title,
  readOnly,
  focusRecommendation,
}: {
  chapter: Chapter;
  title: string;
  readOnly: boolean;
  focusRecommendation: string | null;
}) {
  const [status, setStatus] = useState<SaveStatus>({ state: 'saved', at: chapter.updatedAt });
  const autosave = useRef<Autosave | null>(null);
  if (!autosave.current) {
    autosave.current = new Autosave({
      revision: chapter.revision,
      save: (doc, baseRevision, keepalive) => call('chapters.save', { id: chapter.id, doc, baseRevision }, { keepalive }),
      onStatus: setStatus,
    });
  }

  const editor = useEditor({
    extensions: documentExtensions(),
    content: chapter.doc,
    editable: !readOnly,
    injectCSS: false,
    immediatelyRender: true,
    editorProps: { attributes: { 'aria-label': `${title} text`, role: 'textbox', 'aria-multiline': 'true', class: 'prose' } },
    onUpdate: ({ editor: e }) => autosave.current?.changed(() => e.getJSON() as DocJson),
    onBlur: () => void autosave.current?.flush(),
  });

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

  return (
    <article className="chapter">
      <div className="chapter-head">
        <h1>{title}</h1>
        <SaveIndicator status={status} />
      </div>
      <EditorContent editor={editor} className="editor" />
    </article>
  );
}
