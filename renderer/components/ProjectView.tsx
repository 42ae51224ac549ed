import type { Editor } from '@tiptap/core';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { OutlineEntry, ProjectInfo } from '../../shared/api';
import { ExportButton } from '../export/ExportButton';
import { api } from '../lib/api';
import { useAction } from '../lib/useAsync';
import { IndicatorBrowser, type InsertChartRequest } from '../library/IndicatorBrowser';
import { RegisterView } from '../register/RegisterView';
import { insertNewChart } from '../editor/insertChart';
import { ChapterEditor } from './ChapterEditor';
import { ChapterList } from './ChapterList';
import { DeletedChapters } from './DeletedChapters';
import { insertImportedText } from '../editor/insertImportedText';
import { ImportTextDialog, type ImportTarget } from './ImportTextDialog';
import { ProjectDetailsDialog } from './ProjectDetailsDialog';
import { UndoToast } from './UndoToast';
import { useRegisterRewrites } from './useRegisterRewrites';

export type ProjectTab = 'write' | 'register';

/** Chapters recently open stay loaded (hidden), so switching back keeps their undo history. */
const KEEP_OPEN = 6;

/** Where to put the cursor when a chapter opens (e.g. from a row of the register). */
export interface FocusTarget {
  chapterId: string;
  recommendationId: string;
}

export function ProjectView({ project, onClosed }: { project: ProjectInfo; onClosed: () => void }) {
  const [chapters, setChapters] = useState<OutlineEntry[]>([]);
  const [headingTarget, setHeadingTarget] = useState<{ chapterId: string; index: number; nonce: number } | null>(null);
  /** Chapters deleted while this project is open, the latest last: Undo restores the latest, then offers the one before. */
  const [deleted, setDeleted] = useState<{ id: string; title: string }[]>([]);
  const [outlineVersion, setOutlineVersion] = useState(0);
  const [importing, setImporting] = useState(false);
  const [browsing, setBrowsing] = useState(false);
  const [details, setDetails] = useState(false);
  const [editor, setEditor] = useState<Editor | null>(null);
  const editorRef = useRef<Editor | null>(null);
  editorRef.current = editor;
  const [selected, setSelected] = useState<string | null>(null);
  const [kept, setKept] = useState<string[]>([]);
  useEffect(() => {
    if (selected) setKept((k) => [selected, ...k.filter((id) => id !== selected)].slice(0, KEEP_OPEN));
  }, [selected]);
  const [tab, setTab] = useState<ProjectTab>('write');
  const [focus, setFocus] = useState<FocusTarget | null>(null);
  const action = useAction();
  const rewrites = useRegisterRewrites(kept);
  /** Opening the project: its last edited chapter first (once; afterwards the author's choice). */
  const openFirst = useRef(project.lastChapterId);

  const reload = useCallback(async () => {
    const list = await api['chapters.outline']({});
    setChapters(list);
    setOutlineVersion((v) => v + 1);
    const last = list.find((c) => c.id === openFirst.current)?.id;
    openFirst.current = null;
    setSelected((current) => (current && list.some((c) => c.id === current) ? current : (last ?? list[0]?.id ?? null)));
  }, []);

  useEffect(() => {
    void action.run(reload);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [reload]);

  async function addChapter(title: string) {
    const chapter = await action.run(() => api['chapters.add']({ title }));
    if (chapter) {
      await reload();
      setSelected(chapter.id);
    }
  }
  async function renameChapter(id: string, title: string) {
    const ok = await action.run(() => api['chapters.rename']({ id, title }));
    if (ok) await reload();
  }
  async function close() {
    // Let the editors flush on unmount first.
    setSelected(null);
    setKept([]);
    await new Promise((r) => setTimeout(r, 0));
    const ok = await action.run(() => api['project.close']({}));
    if (ok !== undefined) onClosed();
  }
  async function moveChapter(id: string, toPosition: number) {
    const ok = await action.run(() => api['chapters.move']({ id, toPosition }));
    if (ok) await reload();
  }
  async function deleteChapter(id: string) {
    const title = chapters.find((c) => c.id === id)?.title ?? 'Chapter';
    if (selected === id) setSelected(null);
    setKept((k) => k.filter((x) => x !== id));
    await new Promise((r) => setTimeout(r, 0)); // let its editor save first
    const ok = await action.run(() => api['chapters.delete']({ id }));
    if (ok !== undefined) {
      setDeleted((d) => [...d.filter((x) => x.id !== id), { id, title }]);
      await reload();
    }
  }
  async function restoreDeleted(id: string) {
    const restored = await action.run(() => api['chapters.restore']({ id }));
    setDeleted((d) => d.filter((x) => x.id !== id));
    if (restored) {
      await reload();
      setSelected(restored.id);
    }
  }
  function select(id: string, heading?: number) {
    setSelected(id);
    setHeadingTarget(heading === undefined ? null : { chapterId: id, index: heading, nonce: Date.now() });
  }
  async function imported(chapterId: string | null) {
    setImporting(false);
    if (!chapterId) return; // inserted into the open chapter, which saves itself
    await reload();
    setSelected(chapterId);
  }
  function insertChart(req: InsertChartRequest) {
    const e = editorRef.current;
    if (!e || e.isDestroyed) return;
    void insertNewChart(e, { indicatorId: req.indicatorId, areaCode: req.areaCode, title: req.title });
  }
  function openRecommendation(target: FocusTarget) {
    setFocus(target);
    setSelected(target.chapterId);
    setTab('write');
  }

  const current = chapters.find((c) => c.id === selected) ?? null;
  const importTarget: ImportTarget | null =
    current && editor && !project.readOnly
      ? {
          title: current.title,
          insert: (text, all) => {
            const e = editorRef.current;
            if (!e || e.isDestroyed) throw new Error('Open a chapter to insert the text into.');
            return insertImportedText(e, text, { allRecommendations: all });
          },
        }
      : null;
  return (
    <div className="project">
      <header className="topbar">
        <div>
          <span className="project-title">{project.title}</span>
          <span className="project-path" title={project.path}>
            {project.path}
          </span>
          {project.readOnly && <span className="badge">Read-only</span>}
        </div>
        <nav aria-label="Views" className="tabs">
          <button type="button" aria-pressed={browsing} onClick={() => { setTab('write'); setBrowsing((b) => !b); }}>
            Indicators
          </button>
          <button type="button" aria-current={tab === 'write' ? 'page' : undefined} onClick={() => setTab('write')}>
            Write
          </button>
          <button type="button" aria-current={tab === 'register' ? 'page' : undefined} onClick={() => setTab('register')}>
            Recommendations register
          </button>
        </nav>
        {!project.readOnly && (
          <button type="button" onClick={() => setDetails(true)}>
            Project details…
          </button>
        )}
        <ExportButton />
        <button type="button" onClick={() => void close()}>
          Close project
        </button>
      </header>
      {action.error && (
        <p role="alert" className="error banner">
          {action.error.message}
        </p>
      )}
      {tab === 'register' && <RegisterView readOnly={project.readOnly} onOpenRecommendation={openRecommendation} />}
      {/* Hidden, not unmounted, while the register shows: open chapters keep their undo history. */}
      <div className={`workspace${browsing ? ' with-browser' : ''}`} hidden={tab === 'register'}>
        <div className="sidebar">
          <ChapterList
            outline={chapters}
            selected={selected}
            readOnly={project.readOnly}
            onSelect={select}
            onAdd={addChapter}
            onRename={renameChapter}
            onMove={moveChapter}
            onDelete={deleteChapter}
          />
          {!project.readOnly && (
            <button type="button" className="import-text" onClick={() => setImporting(true)}>
              Import text…
            </button>
          )}
          {!project.readOnly && <DeletedChapters version={outlineVersion} onRestore={(id) => void restoreDeleted(id)} />}
        </div>
        <main className="editor-pane" aria-label="Chapter">
          {chapters
            .filter((c) => c.id === current?.id || kept.includes(c.id))
            .map((c) => (
              <div key={rewrites.editorKey(c.id)} hidden={c.id !== current?.id} className="chapter-slot">
                {rewrites.wasReloaded(c.id) && (
                  <p role="status" className="notice">
                    The register rewrote “{c.title}” (a partner code changed in its recommendations), so it was reloaded: undo starts again from here.{' '}
                    <button type="button" onClick={() => rewrites.dismiss(c.id)}>
                      OK
                    </button>
                  </p>
                )}
                <ChapterEditor
                  chapterId={c.id}
                  title={c.title}
                  readOnly={project.readOnly}
                  active={c.id === current?.id}
                  focusRecommendation={focus?.chapterId === c.id ? focus.recommendationId : null}
                  focusHeading={headingTarget?.chapterId === c.id ? headingTarget : null}
                  onSaved={() => void reload()}
                  {...(c.id === current?.id ? { onEditor: setEditor } : {})}
                />
              </div>
            ))}
          {!current && <p className="empty">No chapter yet. Add one from the list of chapters.</p>}
        </main>
        {browsing && <IndicatorBrowser canInsert={Boolean(editor) && !project.readOnly} onInsert={insertChart} onClose={() => setBrowsing(false)} />}
      </div>
      {details && <ProjectDetailsDialog onClose={() => setDetails(false)} />}
      {importing && <ImportTextDialog target={importTarget} onClose={() => setImporting(false)} onImported={(id) => void imported(id)} />}
      {deleted.length > 0 && (
        <UndoToast
          message={`Chapter “${deleted.at(-1)!.title}” deleted.${deleted.length > 1 ? ` (${deleted.length} chapters deleted: Undo restores them one at a time, latest first.)` : ''}`}
          onUndo={() => void restoreDeleted(deleted.at(-1)!.id)}
          onDismiss={() => setDeleted([])}
        />
      )}
    </div>
  );
}
