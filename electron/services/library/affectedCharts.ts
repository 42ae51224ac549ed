import type { AffectedChapter, AffectedChart, ImportSummary } from '../../../shared/api/library';
import type { Project } from '../project/project';

interface DocNode {
  type?: string;
  attrs?: Record<string, unknown>;
  content?: DocNode[];
}

const ENGLAND = 'E92000001';

function chartsIn(node: DocNode, out: DocNode[]): void {
  if (node.type === 'chart') out.push(node);
  for (const child of node.content ?? []) chartsIn(child, out);
}

/**
 * The project's charts (chart nodes of its chapters: indicatorId / indicatorIds, areaCode,
 * comparators) whose values an import would change: a chart of a changed indicator whose area, or
 * one of its comparators, had values added or changed — or, for a chart comparing all areas, any area.
 */
export function affectedCharts(project: Project, summary: Pick<ImportSummary, 'changes'>): AffectedChapter[] {
  const changed = new Map(summary.changes.filter((c) => c.added + c.updated > 0).map((c) => [c.indicatorId, new Set(c.changedAreas)]));
  if (changed.size === 0) return [];
  const chapters = project.db
    .prepare('SELECT id, title, doc FROM chapters WHERE deleted_at IS NULL ORDER BY position, created_at')
    .all() as { id: string; title: string; doc: string }[];
  const result: AffectedChapter[] = [];
  for (const ch of chapters) {
    let doc: DocNode;
    try {
      doc = JSON.parse(ch.doc) as DocNode;
    } catch {
      continue;
    }
    const nodes: DocNode[] = [];
    chartsIn(doc, nodes);
    const charts: AffectedChart[] = [];
    nodes.forEach((n, index) => {
      const a = n.attrs ?? {};
      const ids = [...new Set([a.indicatorId, ...(Array.isArray(a.indicatorIds) ? a.indicatorIds : [])].filter((x): x is string => typeof x === 'string' && x !== ''))];
      const areaCode = typeof a.areaCode === 'string' ? a.areaCode : null;
      const comparators = Array.isArray(a.comparators) ? a.comparators.filter((x): x is string => typeof x === 'string') : [ENGLAND];
      const kind = typeof a.kind === 'string' ? a.kind : 'trend';
      const hit = ids.some((id) => {
        const areas = changed.get(id);
        if (!areas) return false;
        if (kind === 'compare' || areaCode === null) return true;
        return areas.has(areaCode) || comparators.some((c) => areas.has(c));
      });
      if (hit) charts.push({ index, kind, indicators: ids, areaCode });
    });
    if (charts.length) result.push({ chapterId: ch.id, title: ch.title, charts });
  }
  return result;
}

/** "updates 14 values, adds 160; 3 charts in 2 chapters change" */
export function describePreview(summary: Pick<ImportSummary, 'added' | 'updated' | 'unchanged'>, affected: AffectedChapter[]): string {
  const n = (k: number, one: string) => `${k.toLocaleString('en-GB')} ${one}${k === 1 ? '' : 's'}`;
  const parts: string[] = [];
  if (summary.updated > 0) parts.push(`updates ${n(summary.updated, 'value')}`);
  if (summary.added > 0) parts.push(`adds ${summary.updated > 0 ? summary.added.toLocaleString('en-GB') : n(summary.added, 'value')}`);
  if (parts.length === 0) parts.push('changes no values');
  const charts = affected.reduce((k, c) => k + c.charts.length, 0);
  const tail = charts > 0 ? `; ${n(charts, 'chart')} in ${n(affected.length, 'chapter')} change` : '; no chart changes';
  return `${parts.join(', ')}${tail}`;
}
