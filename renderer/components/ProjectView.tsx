import { useCallback, useEffect, useState } from 'react';
import type { ChapterSummary, ProjectInfo } from '../../shared/api';
import { api } from '../lib/api';
import { useAction } from '../lib/useAsync';
import { RegisterView } from '../register/RegisterView';
import { ChapterEditor } from './ChapterEditor';
import { ChapterList } from './ChapterList';

export type ProjectTab = 'write' | 'register';

/** Where to put the cursor when a chapter opens (e.g. from a row of the register). */
export interface FocusTarget {
  chapterId: string;
  recommendationId: string;
}

export function ProjectView({ project, onClosed }: { project: ProjectInfo; onClosed: () => void }) {
  const [chapters, setChapters] = useState<ChapterSummary[]>([]);
  const [selected, setSelected] = useState<string | null>(null);
  const [tab, setTab] = useState<ProjectTab>('write');
  const [focus, setFocus] = useState<FocusTarget | null>(null);
  const action = useAction();

  const reload = useCallback(async () => {
    const list = await api['chapters.list']({});
    setChapters(list);
    setSelected((current) => (current && list.some((c) => c.id === current) ? current : (list[0]?.id ?? null)));
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
    // Let the editor flush on unmount first.
    setSelected(null);
    await new Promise((r) => setTimeout(r, 0));
    const ok = await action.run(() => api['project.close']({}));
    if (ok !== undefined) onClosed();
  }
  function openRecommendation(target: FocusTarget) {
    setFocus(target);
    setSelected(target.chapterId);
    setTab('write');
  }

  const current = chapters.find((c) => c.id === selected) ?? null;
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
          <button type="button" aria-current={tab === 'write' ? 'page' : undefined} onClick={() => setTab('write')}>
            Write
          </button>
          <button type="button" aria-current={tab === 'register' ? 'page' : undefined} onClick={() => setTab('register')}>
            Recommendations register
          </button>
        </nav>
        <button type="button" onClick={() => void close()}>
          Close project
        </button>
      </header>
      {action.error && (
        <p role="alert" className="error banner">
          {action.error.message}
        </p>
      )}
      {tab === 'register' ? (
        <RegisterView readOnly={project.readOnly} onOpenRecommendation={openRecommendation} />
      ) : (
        <div className="workspace">
          <ChapterList
            chapters={chapters}
            selected={selected}
            readOnly={project.readOnly}
            onSelect={setSelected}
            onAdd={addChapter}
            onRename={renameChapter}
          />
          <main className="editor-pane" aria-label="Chapter">
            {current ? (
              <ChapterEditor
                key={current.id}
                chapterId={current.id}
                title={current.title}
                readOnly={project.readOnly}
                focusRecommendation={focus?.chapterId === current.id ? focus.recommendationId : null}
              />
            ) : (
              <p className="empty">No chapter yet. Add one from the list of chapters.</p>
            )}
          </main>
        </div>
      )}
    </div>
  );
}
