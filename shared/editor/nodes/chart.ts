import { mergeAttributes, Node } from '@tiptap/core';
import { type ChartAttrName, type ChartAttrs, defaultChartAttrs } from '../../charts/definition';
import { newId } from '../../ids';
import { insertionPoint } from '../insertAfterSelection';
import { readAttribute } from '../readAttribute';

// The attributes, their defaults and types are defined once, in shared/charts/definition.ts.
export { defaultChartAttrs, type ChartAttrs, type ChartKind as ChartKindName } from '../../charts/definition';

function jsonAttr<T>(name: ChartAttrName, fallback: T) {
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

/** A live chart (see shared/charts/definition.ts for what its attributes mean). */
export const Chart = Node.create({
  name: 'chart',
  group: 'block',
  atom: true,
  draggable: true,
  selectable: true,

  addAttributes() {
    const attrs: Record<string, ReturnType<typeof jsonAttr>> = {};
    for (const [key, value] of Object.entries(defaultChartAttrs)) attrs[key] = jsonAttr(key as ChartAttrName, value);
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
