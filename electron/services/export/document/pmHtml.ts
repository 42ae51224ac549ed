import type { Fragment, Mark, Node as PMNode } from '@tiptap/pm/model';
import { El } from './html';
import { normalisedStyle } from './htmlPolicy';

/**
 * ProseMirror's DOMSerializer (same specs, same output), building html.ts elements instead of DOM
 * nodes: the schema's toDOM specs (arrays, or elements the export builds) rendered as in
 * prosemirror-model's renderSpec, and marks kept open across text nodes that share them as in its
 * serializeFragment.
 */
export type RenderedSpec = El | { dom: El; contentDOM?: El | undefined };
export type NodeRenderer = (node: PMNode) => unknown;
export type MarkRenderer = (mark: Mark, inline: boolean) => unknown;

/** Arrays inside a node's attributes: a spec made of one is refused (prosemirror's guard against XSS). */
function arraysIn(attrs: unknown, found: unknown[] = []): unknown[] {
  if (attrs && typeof attrs === 'object') {
    if (Array.isArray(attrs)) {
      if (typeof attrs[0] === 'string') found.push(attrs);
      else for (const a of attrs) arraysIn(a, found);
    } else for (const k in attrs) arraysIn((attrs as Record<string, unknown>)[k], found);
  }
  return found;
}

function renderSpec(spec: unknown, blocked: unknown[]): { dom: El | string; contentDOM?: El | undefined } {
  if (typeof spec === 'string') return { dom: spec };
  if (spec instanceof El) return { dom: spec };
  if (spec && typeof spec === 'object' && 'dom' in spec && (spec as { dom: unknown }).dom instanceof El) return spec as { dom: El; contentDOM?: El };
  const arr = spec as unknown[];
  if (!Array.isArray(arr) || typeof arr[0] !== 'string') throw new RangeError('Invalid array passed to renderSpec');
  if (blocked.includes(arr)) throw new RangeError('Using an array from an attribute object as a DOM spec. This may be an attempted cross site scripting attack.');
  // A namespaced tag ("ns tag") is not one the export writes: html.ts leaves it out.
  const dom = new El(arr[0].toLowerCase());
  let start = 1;
  const attrs = arr[1];
  if (attrs && typeof attrs === 'object' && !Array.isArray(attrs) && !(attrs instanceof El)) {
    start = 2;
    for (const [name, v] of Object.entries(attrs as Record<string, unknown>)) {
      if (v == null || name.indexOf(' ') > 0) continue; // namespaced attributes: none the export keeps
      dom.setAttribute(name, name === 'style' ? normalisedStyle(String(v)) : v);
    }
  }
  let contentDOM: El | undefined;
  for (let i = start; i < arr.length; i++) {
    const child = arr[i];
    if (child === 0) {
      if (i < arr.length - 1 || i > start) throw new RangeError('Content hole must be the only child of its parent node');
      return { dom, contentDOM: dom };
    }
    const inner = renderSpec(child, blocked);
    dom.append(inner.dom);
    if (inner.contentDOM) {
      if (contentDOM) throw new RangeError('Multiple content holes');
      contentDOM = inner.contentDOM;
    }
  }
  return { dom, contentDOM };
}

export class HtmlSerializer {
  constructor(
    readonly nodes: Record<string, NodeRenderer>,
    readonly marks: Record<string, MarkRenderer>,
  ) {}

  /** The fragment's nodes appended to `target`. */
  serializeFragment(fragment: Fragment, target: El): void {
    let top = target;
    const active: [Mark, El][] = [];
    fragment.forEach((node) => {
      if (active.length || node.marks.length) {
        let keep = 0;
        let rendered = 0;
        while (keep < active.length && rendered < node.marks.length) {
          const next = node.marks[rendered]!;
          if (!this.marks[next.type.name]) {
            rendered++;
            continue;
          }
          if (!next.eq(active[keep]![0]) || next.type.spec.spanning === false) break;
          keep++;
          rendered++;
        }
        while (keep < active.length) top = active.pop()![1];
        while (rendered < node.marks.length) {
          const add = node.marks[rendered++]!;
          const toDOM = this.marks[add.type.name];
          if (!toDOM) continue;
          const markDOM = renderSpec(toDOM(add, node.isInline), arraysIn(add.attrs));
          if (!(markDOM.dom instanceof El)) throw new RangeError('A mark must render an element');
          active.push([add, top]);
          top.append(markDOM.dom);
          top = markDOM.contentDOM ?? markDOM.dom;
        }
      }
      top.append(this.serializeNode(node));
    });
  }

  private serializeNode(node: PMNode): El | string {
    if (node.isText) return node.text ?? '';
    const toDOM = this.nodes[node.type.name];
    if (!toDOM) throw new RangeError(`No export rendering for ${node.type.name} nodes`);
    const { dom, contentDOM } = renderSpec(toDOM(node), arraysIn(node.attrs));
    if (contentDOM) {
      if (node.isLeaf) throw new RangeError('Content hole not allowed in a leaf node spec');
      this.serializeFragment(node.content, contentDOM);
    }
    return dom;
  }
}
