/** The element builder every part of the exported document uses: tag, attributes, children. */
export type El = HTMLElement;

export type ElementBuilder = (tag: string, attrs?: Record<string, string>, ...children: (El | string)[]) => El;

export function elementBuilder(doc: Document): ElementBuilder {
  return (tag, attrs = {}, ...children) => {
    const e = doc.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
    for (const c of children) e.append(typeof c === 'string' ? doc.createTextNode(c) : c);
    return e;
  };
}

/** Ids for anchors: letters, digits, - and _ only. */
export function safeId(text: string): string {
  return text.replace(/[^A-Za-z0-9_-]/g, '_');
}
