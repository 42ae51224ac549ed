import { mergeAttributes, Node } from '@tiptap/core';
import { newId } from '../../ids';
import { insertionPoint } from '../insertAfterSelection';
import { readAttribute } from '../readAttribute';

export type ChartKindName = 'trend' | 'compare' | 'basket' | 'inequality';

/**
 * A live chart. Its attributes *reference* library data — indicator, area, comparators, breakdown,
 * period range — and never copy values, so a newer vintage redraws it. `reviewedVintage` is the
 * data vintage the author last looked at; newer data shows a badge until they mark it reviewed.
 */
export interface ChartAttrs {
  id: string | null;
  kind: ChartKindName;
  /** One indicator (basket: the first; the rest in `indicatorIds`). */
  indicatorId: string | null;
  indicatorIds: string[];
  /** Basket only: each indicator's group, e.g. "Population outcomes" or "Operational measures". */
  indicatorGroups: Record<string, string>;
  areaCode: string | null;
  /** Comparator area codes; England (E92000001) by default. */
  comparators: string[];
  sex: string | null;
  age: string | null;
  categoryType: string | null;
  category: string | null;
  periodFrom: number | null;
  periodTo: number | null;
  title: string;
  caption: string;
  reviewedVintage: number | null;
}

export const defaultChartAttrs: ChartAttrs = {
  id: null,
  kind: 'trend',
  indicatorId: null,
  indicatorIds: [],
  indicatorGroups: {},
  areaCode: null,
  comparators: ['E92000001'],
  sex: null,
  age: null,
  categoryType: null,
  category: null,
  periodFrom: null,
  periodTo: null,
  title: '',
  caption: '',
  reviewedVintage: null,
};

function jsonAttr<T>(name: keyof ChartAttrs, fallback: T) {
  return {
    default: fallback,
    parseHTML: (el: unknown) => {
      const raw = readAttribute(el, `data-${name}`);
      if (raw === null) return fallback;
      try {
        return JSON.parse(raw) as T;
      } catch {
        return fallback;
      }
    },
    renderHTML: (attrs: Record<string, unknown>) => ({ [`data-${name}`]: JSON.stringify(attrs[name]) }),
  };
}

export const Chart = Node.create({
  name: 'chart',
  group: 'block',
  atom: true,
  draggable: true,
  selectable: true,

  addAttributes() {
    const attrs: Record<string, ReturnType<typeof jsonAttr>> = {};
    for (const [key, value] of Object.entries(defaultChartAttrs)) attrs[key] = jsonAttr(key as keyof ChartAttrs, value);
    return attrs;
  },

  parseHTML() {
    return [{ tag: 'figure[data-type="chart"]' }];
  },

  renderHTML({ node, HTMLAttributes }) {
    const a = node.attrs as ChartAttrs;
    return ['figure', mergeAttributes(HTMLAttributes, { 'data-type': 'chart' }), ['figcaption', a.title || 'Chart'], ...(a.caption ? [['p', a.caption]] : [])] as never;
  },

  addCommands() {
    return {
      insertChart:
        (attrs: Partial<ChartAttrs>) =>
        ({ commands, tr }) =>
          commands.insertContentAt(insertionPoint(tr.selection), { type: this.name, attrs: { ...defaultChartAttrs, ...attrs, id: newId() } }),
    };
  },
});

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    chart: {
      insertChart: (attrs: Partial<ChartAttrs>) => ReturnType;
    };
  }
}
