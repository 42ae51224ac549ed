/**
 * Recommendations in a JSNA end with a bracketed list of the partner organisations that
 * own them: "... by 12 weeks of pregnancy. [CCG/ UHL/ LA]".
 */

export interface ParsedPartnerTag {
  /** The paragraph without the tag, trimmed, keeping the sentence's own final punctuation. */
  text: string;
  /** Partner codes as written (trimmed, internal whitespace collapsed), in tag order. Not normalised. */
  partners: string[];
}

/** The last bracket of the paragraph, with nothing after it but an optional full stop and whitespace. */
const TRAILING_BRACKET = /\[([^[\]]*)\]\s*(\.?)\s*$/;

/** Separators allowed between codes: "/", ",", ";", "&", with any spaces around them. */
const SEPARATOR = /[/,;&]/;

/** A code: letters (an inner hyphen allowed), 2 to 12 characters: "LA", "NHSE", "LLRHP", "Police". */
const CODE = /^[A-Za-z][A-Za-z-]{0,10}[A-Za-z]$/;

/** The one multi-word owner the seeds use. */
const OTHER_PARTNERS = /^other partners$/i;

/** Single words that look like codes but are editorial marks, not owners: "[sic]", "[see]", "[note]". */
const NOT_CODES = new Set(['sic', 'ibid', 'ibidem', 'idem', 'cf', 'etc', 'see', 'note', 'notes', 'ref', 'refs', 'citation', 'source', 'sources', 'redacted', 'emphasis', 'online', 'pdf', 'link', 'edit']);

const ENDS_SENTENCE = /[.!?\u2026]["'\u2019\u201d)]*$/;

function looksLikeCode(part: string): boolean {
  if (OTHER_PARTNERS.test(part)) return true;
  return CODE.test(part) && !NOT_CODES.has(part.toLowerCase());
}

/**
 * Split a trailing partner tag off a paragraph.
 *
 * Accepts `[CCG/UHL/LA]`, `[CCG/ UHL/ LA]`, `[LA/ NHS/other partners]`, `[LA, NHS; CCG & UHL]`,
 * and a full stop after the bracket (`[LA].`) or inside it (`[LA.]`); that full stop is the
 * sentence's own, so it is kept on `text` if the sentence has no final punctuation before the tag.
 * Returns null when the paragraph does not end with a bracket, when the bracket is not a list
 * of codes (`[1]`, `[see page 4]`, `[sic]`), or when nothing but the tag is left.
 */
export function parseTrailingPartnerTag(paragraph: string): ParsedPartnerTag | null {
  const trimmed = paragraph.trim();
  const match = TRAILING_BRACKET.exec(trimmed);
  if (!match) return null;

  let inner = (match[1] ?? '').trim();
  let fullStop = match[2] === '.';
  if (inner.endsWith('.')) {
    inner = inner.slice(0, -1).trim();
    fullStop = true;
  }

  const partners = inner
    .split(SEPARATOR)
    .map((p) => p.trim().replace(/\s+/g, ' '))
    .filter((p) => p !== '');
  if (partners.length === 0 || !partners.every(looksLikeCode)) return null;

  let text = trimmed.slice(0, match.index).trim();
  if (text === '') return null;
  if (fullStop && !ENDS_SENTENCE.test(text)) text += '.';
  return { text, partners };
}
