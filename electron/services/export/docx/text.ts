/**
 * Text as a Word file may hold it. docx escapes <, &, > and quotes itself (every run is XML text or
 * an attribute value), but XML 1.0 cannot hold most control characters, lone surrogates or U+FFFE/F
 * at all, even escaped: a file with one is refused by Word. They are dropped (tabs and line breaks
 * become spaces).
 */
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function wordText(text: string): string {
  return xmlChars(text.replace(/[\t\r\n]/g, ' '));
}

/** Only characters XML 1.0 can hold (tabs and line breaks kept). */
export function xmlChars(text: string): string {
  return text.replace(NOT_XML, '');
}

/** Links a Word reader may follow: web and mail only (as the editor's link extension allows). */
export function safeLink(href: unknown): string | null {
  if (typeof href !== 'string') return null;
  const h = href.trim();
  return /^(?:https?:|mailto:)/i.test(h) && !/[\s<>"]/.test(h) ? h : null;
}
