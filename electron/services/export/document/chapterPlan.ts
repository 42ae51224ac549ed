import type { Node as PMNode } from '@tiptap/pm/model';
import type { DocJson } from '../../../../shared/api/chapters';
import { AppError } from '../../../../shared/api/errors';
import type { StoredChapter } from '../../documents/chapterStore';
import { editorSchema } from '../../documents/editorSchema';
import { safeId } from './dom';

/**
 * One pass over every chapter before anything is drawn: heading levels and ids (for the
 * contents), chart nodes in document order (for the figures), recommendation anchors (for the
 * appendix's links).
 */
export interface PlannedChapter {
  row: StoredChapter;
  node: PMNode;
  id: string;
  /** Headings at the chapter's top level, for the contents. */
  headings: { id: string; text: string }[];
}

export interface Plan {
  chapters: PlannedChapter[];
  headingIds: Map<PMNode, { id: string; level: number }>;
  chartNodes: PMNode[];
  recommendationIds: Map<PMNode, string>;
}

function parseChapter(row: StoredChapter): PMNode {
  try {
    return editorSchema().nodeFromJSON(JSON.parse(row.doc) as DocJson);
  } catch (e) {
    throw new AppError('BAD_INPUT', `Chapter "${row.title}" cannot be exported: its document does not fit the schema (${(e as Error).message}).`, { chapterId: row.id });
  }
}

/** The shallowest heading level in a chapter (7 when it has none). */
function topHeadingLevel(node: PMNode): number {
  let min = 7;
  node.descendants((n) => {
    if (n.type.name === 'heading') min = Math.min(min, Number(n.attrs.level) || 2);
    return true;
  });
  return min;
}

export function planChapters(rows: StoredChapter[]): Plan {
  const headingIds = new Map<PMNode, { id: string; level: number }>();
  const recommendationIds = new Map<PMNode, string>();
  const usedRecIds = new Set<string>();
  const chartNodes: PMNode[] = [];
  const chapters = rows.map((row, ci): PlannedChapter => {
    const node = parseChapter(row);
    const id = `chapter-${ci + 1}`;
    const min = topHeadingLevel(node);
    const headings: { id: string; text: string }[] = [];
    let h = 0;
    node.descendants((n) => {
      if (n.type.name === 'heading') {
        h += 1;
        const level = Number(n.attrs.level) || 2;
        // The chapter title is <h2>; its top-level headings <h3>, and so on, never skipping a level.
        const mapped = Math.min(6, Math.max(3, level - min + 3));
        const hid = `${id}-section-${h}`;
        headingIds.set(n, { id: hid, level: mapped });
        const text = n.textContent.trim();
        if (level === min && text) headings.push({ id: hid, text });
        return false;
      }
      if (n.type.name === 'chart') {
        chartNodes.push(n);
        return false;
      }
      if (n.type.name === 'recommendation') {
        const raw = typeof n.attrs.id === 'string' && n.attrs.id ? `rec-${safeId(n.attrs.id)}` : `rec-${ci + 1}-${recommendationIds.size + 1}`;
        let rid = raw;
        for (let k = 2; usedRecIds.has(rid); k++) rid = `${raw}-${k}`;
        usedRecIds.add(rid);
        recommendationIds.set(n, rid);
        return false;
      }
      return true;
    });
    return { row, node, id, headings };
  });
  return { chapters, headingIds, chartNodes, recommendationIds };
}
