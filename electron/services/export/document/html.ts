import { attributeValue, isAllowedElement, isAllowedMeta, parsedText, styleText, VOID_ELEMENTS } from './htmlPolicy';

/**
 * The exported document as a tree of plain objects, written out as HTML text with every piece of
 * text escaped and every element and attribute checked by htmlPolicy.ts as it is written. No DOM,
 * no parse: this is where user text (titles, chapters, labels, recommendations) enters the HTML,
 * and where it is sanitised, once.
 */
export class El {
  readonly attrs = new Map<string, string>();
  readonly children: (El | string)[] = [];
  constructor(readonly tag: string) {}

  /** As the DOM's setAttribute: names lower-cased, a repeated name keeps its place. */
  setAttribute(name: string, value: unknown): void {
    this.attrs.set(name.toLowerCase(), String(value));
  }

  append(...children: (El | string)[]): void {
    for (const c of children) this.children.push(c);
  }
}

const escapeText = (t: string) => (/[&<>\u00A0]/.test(t) ? t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\u00A0/g, '&nbsp;') : t);
const escapeAttribute = (t: string) => (/[&"\u00A0]/.test(t) ? t.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/\u00A0/g, '&nbsp;') : t);

function textOf(e: El): string {
  return e.children.map((c) => (typeof c === 'string' ? c : textOf(c))).join('');
}

function write(e: El, out: string[]): void {
  const tag = e.tag;
  if (!isAllowedElement(tag) || (tag === 'meta' && !isAllowedMeta(e.attrs))) return;
  let styleCss: string | null = null;
  if (tag === 'style') {
    if (e.children.some((c) => typeof c !== 'string')) return;
    styleCss = styleText(textOf(e));
    if (styleCss === null) return;
  }
  out.push('<', tag);
  for (const [name, raw] of e.attrs) {
    const v = attributeValue(tag, name, raw);
    if (v !== null) out.push(' ', name, '="', escapeAttribute(v), '"');
  }
  out.push('>');
  if (VOID_ELEMENTS.has(tag)) return;
  if (styleCss !== null) out.push(styleCss);
  else {
    const where = tag === 'title' ? 'other' : 'body';
    for (const c of e.children) {
      if (typeof c === 'string') out.push(escapeText(parsedText(c, where)));
      else write(c, out);
    }
  }
  out.push('</', tag, '>');
}

/** The element as sanitised HTML text. */
export function htmlOf(e: El): string {
  const out: string[] = [];
  write(e, out);
  return out.join('');
}
