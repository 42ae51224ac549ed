import { isAllowedAttribute, isLocalResourceUrl, isResourceUrlAttribute, stripRemoteCss } from '../sanitizeHtml';

/**
 * What the exported document may hold, applied where each element, attribute and piece of text
 * enters it (html.ts), so the document is written already sanitised instead of being parsed and
 * sanitised again as a whole. The rules are sanitizeHtml.ts's — DOMPurify's defaults with our
 * config and hooks — for the elements and attributes the document is built from, plus what an
 * HTML parser would change when reading the text back (test/electron/services/export/document/html.test.ts checks that
 * DOMPurify leaves the result as it is). Anything else is left out.
 */

/** Elements the export writes (all in DOMPurify's allowlist); any other is left out with its content. */
const ELEMENTS = new Set(
  ('html head body meta title style div p span a strong em b i s u code pre blockquote br hr h1 h2 h3 h4 h5 h6 ul ol li ' +
    'table colgroup col thead tbody tfoot tr th td caption section nav main header footer figure figcaption details summary dl dt dd sub sup').split(' '),
);
/** Written without an end tag or content. */
export const VOID_ELEMENTS = new Set(['meta', 'br', 'hr', 'col']);

/** Of DOMPurify's allowed attributes, those the export can write (any other is left out); DOMPurify judges their values. */
const ATTRIBUTES = new Set(['class', 'id', 'href', 'rel', 'title', 'start', 'type', 'colspan', 'rowspan', 'style', 'scope', 'lang', 'charset', 'content', 'name', 'role', 'reversed']);
const MARKUP = /<[/\w!]/;
/**
 * ids and names that could shadow a property of `document` (DOM clobbering) are dropped. No DOM
 * property has a "-" in its name; the export's own ids all have one, but for these.
 */
const UNDASHED_NAMES = new Set(['main', 'viewport', 'generator']);

export function isAllowedElement(tag: string): boolean {
  return ELEMENTS.has(tag);
}

/** A <meta> may only declare the charset or carry a name (as sanitizeHtml's hook). */
export function isAllowedMeta(attrs: ReadonlyMap<string, string>): boolean {
  return !attrs.has('http-equiv') && (attrs.has('charset') || attrs.has('name'));
}

/** What the HTML parser makes of text: line breaks normalised; NUL dropped in body text, replaced elsewhere. */
export function parsedText(text: string, where: 'body' | 'other'): string {
  let t = text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
  if (t.includes('\u0000')) t = t.replace(/\u0000/g, where === 'body' ? '' : '\uFFFD');
  return t;
}

/** A <style> element's text, or null when it may not be kept (markup in it). */
export function styleText(css: string): string | null {
  const t = stripRemoteCss(parsedText(css, 'other'));
  return MARKUP.test(t) ? null : t;
}

/**
 * The value an attribute is written with, or null when it is left out: our rule for fetched URLs
 * (sanitizeHtml's hook), then DOMPurify's own isValidAttribute under the document's rules.
 */
export function attributeValue(tag: string, name: string, raw: string): string | null {
  const value = parsedText(raw, 'other').trim();
  if (isResourceUrlAttribute(tag, name) && !isLocalResourceUrl(value)) return null;
  if (!ATTRIBUTES.has(name) && !name.startsWith('data-') && !name.startsWith('aria-')) return null;
  if ((name === 'id' || name === 'name') && !value.includes('-') && !UNDASHED_NAMES.has(value)) return null;
  if (!isAllowedAttribute(tag, name, value)) return null;
  return name === 'style' ? stripRemoteCss(value) : value;
}

/**
 * An inline style as the DOM would write it back (`cssText`): declarations of the few properties
 * the editor's tables write, normalised; anything else leaves an empty style (as the DOM does for
 * CSS it cannot read; unusual but valid CSS is dropped too, never kept unread).
 */
export function normalisedStyle(css: string): string {
  const out: string[] = [];
  for (const decl of css.split(';')) {
    if (!decl.trim()) continue;
    const m = /^\s*(width|min-width|text-align)\s*:\s*(.*?)\s*$/i.exec(decl);
    if (!m) return '';
    const prop = m[1]!.toLowerCase();
    const v = m[2]!.toLowerCase();
    if (prop === 'text-align' ? !/^(left|right|center|justify|start|end)$/.test(v) : !/^\d+(\.\d+)?px$/.test(v) || `${Number(v.slice(0, -2))}px` !== v) return '';
    out.push(`${prop}: ${v};`);
  }
  return out.join(' ');
}
