import type { DocJson, OutlineEntry } from '../../../shared/api/chapters';
import { textOf } from '../../../shared/editor/recommendationsInDoc';
import type { Project } from '../project/project';
import { liveChapters } from './chapterStore';

/** The project's outline: chapters in order, each with its headings, for navigation. */
export function projectOutline(project: Project): OutlineEntry[] {
  return liveChapters(project).map((r) => {
    const doc = JSON.parse(r.doc) as DocJson;
    const headings = (doc.content ?? [])
      .filter((n) => n.type === 'heading')
      .map((n) => ({ level: Number(n.attrs?.level ?? 2), text: textOf(n).trim() }))
      .filter((h) => h.text);
    return { id: r.id, title: r.title, position: r.position, headings };
  });
}
