import type { DocJson, NodeJson } from '../../../shared/api/chapters';

/** Maps each owner code to its new spelling (or to itself). */
export type CodeMap = (code: string) => string;

/** Applies the map to a list of owners, dropping duplicates it creates (case-insensitively), keeping order. */
export function remapPartners(partners: readonly string[], map: CodeMap): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const p of partners) {
    const next = map(p);
    if (seen.has(next.toLowerCase())) continue;
    seen.add(next.toLowerCase());
    out.push(next);
  }
  return out;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/**
 * Rewrites the `partners` attribute of every recommendation node in a chapter document. Returns the
 * new document, or null when nothing changed (the input is never modified).
 */
export function rewriteDocPartners(doc: DocJson, map: CodeMap): DocJson | null {
  let changed = false;
  const walk = (nodes: NodeJson[]): NodeJson[] =>
    nodes.map((node) => {
      let next = node;
      if (node.type === 'recommendation' && Array.isArray(node.attrs?.partners)) {
        const before = (node.attrs.partners as unknown[]).filter((p): p is string => typeof p === 'string');
        const after = remapPartners(before, map);
        if (!sameList(before, after) || before.length !== (node.attrs.partners as unknown[]).length) {
          changed = true;
          next = { ...node, attrs: { ...node.attrs, partners: after } };
        }
      }
      return next.content ? { ...next, content: walk(next.content) } : next;
    });
  const content = doc.content ? walk(doc.content) : undefined;
  return changed ? { ...doc, ...(content ? { content } : {}) } : null;
}
