import { El } from './html';

/** The element builder every part of the exported document uses: tag, attributes, children (see html.ts). */
export { El } from './html';

export type ElementBuilder = (tag: string, attrs?: Record<string, string>, ...children: (El | string)[]) => El;

export function elementBuilder(): ElementBuilder {
  return (tag, attrs = {}, ...children) => {
    const e = new El(tag.toLowerCase());
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
    e.append(...children);
    return e;
  };
}

/** Ids for anchors: letters, digits, - and _ only. */
export function safeId(text: string): string {
  return text.replace(/[^A-Za-z0-9_-]/g, '_');
}
