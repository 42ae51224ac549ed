/**
 * Turn pasted or imported plain text into editor blocks: headings, paragraphs and
 * partner-tagged recommendations.
 */
import { parseTrailingPartnerTag } from './partnerTags';

export type HeadingLevel = 1 | 2 | 3;

export type Block =
  | { kind: 'heading'; level: HeadingLevel; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'recommendation'; text: string; partners: string[] };

export interface TextToBlocksOptions {
  /** Make every non-heading paragraph a recommendation (partners [] when untagged). */
  allRecommendations?: boolean;
}

/** Level given to a title-like plain-text line (markdown "#" headings keep their own level). */
export const PLAIN_HEADING_LEVEL: HeadingLevel = 2;

/** Longest line still taken for a title. */
const MAX_HEADING_LENGTH = 80;

/** A list item: bullet glyph, "-", "*", "+", or "1." / "1)" numbering, then whitespace. */
const BULLET = /^\s*(?:[\u2022\u25CF\u25AA\u25E6\u2023\u00B7\u25CB\u25A0\u25A1\u27A2\u25BA\u2013\u2014*+-]|\(?\d{1,2}[.)])\s+/u;

/** A markdown ATX heading: "# Title", "## Title", ... */
const MARKDOWN_HEADING = /^\s{0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$/;

const BLANK = /^\s*$/;

/** Ends like a sentence, a clause, a lead-in or a citation ("... decade. [1]"), so not a title. */
const NON_TITLE_ENDING = /(?:[.!?:;,\u2026\u2013\u2014-]["'\u2019\u201d)]*|\])$/;

/** Ends like a finished sentence (or a partner tag, which ends a recommendation). */
const SENTENCE_END = /(?:[.!?:;\u2026]["'\u2019\u201d)*_]*|\])$/;

/** Words a wrapped line may end on but a title does not. */
const CONNECTIVES = new Set(['a', 'an', 'the', 'of', 'and', 'or', 'to', 'by', 'in', 'on', 'for', 'with', 'from', 'at', 'as', 'that', 'which', 'including']);

interface Item {
  lines: string[];
  bullet: boolean;
  /** Set for a markdown "#" heading line. */
  markdownLevel?: number;
}

function stripEmphasis(text: string): string {
  const m = /^(\*\*|__|\*|_)(.+)\1$/.exec(text);
  return m ? (m[2] ?? '').trim() : text;
}

function isTitleLike(text: string): boolean {
  const t = stripEmphasis(text.trim());
  if (t === '' || t.length > MAX_HEADING_LENGTH) return false;
  if (!/^[\p{L}\p{N}]/u.test(t) || !/\p{L}/u.test(t)) return false;
  return !NON_TITLE_ENDING.test(t) && !CONNECTIVES.has(lastWord(t));
}

function lastWord(line: string): string {
  const words = line.trim().toLowerCase().split(/\s+/);
  return words[words.length - 1] ?? '';
}

/**
 * In text without blank lines, one line is usually one paragraph; break after a line that ends a
 * sentence or recommendation, or after a title-like line when the next line starts a new one.
 */
function breaksAfter(line: string, next: string): boolean {
  if (SENTENCE_END.test(line.trim())) return true;
  return isTitleLike(line) && /^\s*[\p{Lu}\p{N}]/u.test(next);
}

function joinLines(lines: readonly string[]): string {
  return lines
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .join(' ');
}

/** Text with no blank line between its first and last non-blank lines. */
function hasNoBlankLines(lines: readonly string[]): boolean {
  const first = lines.findIndex((l) => !BLANK.test(l));
  if (first < 0) return true;
  let last = lines.length - 1;
  while (last > first && BLANK.test(lines[last] ?? '')) last--;
  for (let i = first; i <= last; i++) if (BLANK.test(lines[i] ?? '')) return false;
  return true;
}

/** Could this line be the end of a partner tag? (Cheap test before parsing.) */
const MAY_END_WITH_TAG = /\]\s*\.?\s*$/;

/** Split lines into items: blank lines separate; bullets, markdown headings and partner tags also break. */
function toItems(lines: readonly string[]): Item[] {
  const onePerLine = hasNoBlankLines(lines);
  const items: Item[] = [];
  let current: Item | null = null;

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (BLANK.test(line)) {
      if (current) items.push(current);
      current = null;
      continue;
    }
    const heading = MARKDOWN_HEADING.exec(line);
    if (heading) {
      if (current) items.push(current);
      current = null;
      items.push({ lines: [heading[2] ?? ''], bullet: false, markdownLevel: (heading[1] ?? '#').length });
      continue;
    }
    const bullet = BULLET.exec(line);
    if (bullet) {
      if (current) items.push(current);
      current = { lines: [line.slice(bullet[0].length)], bullet: true };
    } else if (current) {
      current.lines.push(line);
    } else {
      current = { lines: [line], bullet: false };
    }
    const next = lines[i + 1];
    // A partner tag ends a recommendation even when no blank line follows.
    const endsWithTag = MAY_END_WITH_TAG.test(line) && parseTrailingPartnerTag(joinLines(current.lines)) !== null;
    if (endsWithTag || (onePerLine && next !== undefined && !BLANK.test(next) && breaksAfter(line, next))) {
      items.push(current);
      current = null;
    }
  }
  if (current) items.push(current);
  return items;
}

/**
 * Rejoin a paragraph that a page break split mid-sentence ("... children and young" / blank /
 * "people have the best start ..."): the first part has no final punctuation and the second starts
 * with a lower-case letter. Also rejoin a lead-in that ends with a dash ("Children will be heard –"
 * / blank / "The voice and needs ...") to what follows.
 */
function mergeBrokenParagraphs(items: readonly Item[]): Item[] {
  const out: Item[] = [];
  for (const item of items) {
    const prev = out[out.length - 1];
    const first = item.lines[0] ?? '';
    if (prev && !prev.bullet && prev.markdownLevel === undefined && !item.bullet && item.markdownLevel === undefined) {
      const prevText = joinLines(prev.lines);
      const brokenSentence = !SENTENCE_END.test(prevText) && /^\s*\p{Ll}/u.test(first);
      const leadIn = /\s[\u2013\u2014]$/.test(prevText);
      if (brokenSentence || leadIn) {
        out[out.length - 1] = { ...prev, lines: [...prev.lines, ...item.lines] };
        continue;
      }
    }
    out.push(item);
  }
  return out;
}

/**
 * Recognise headings, paragraphs and recommendations in plain text.
 *
 * - Paragraphs are separated by blank lines (CRLF, CR or LF); the lines of one paragraph are
 *   joined with a space. A line starting with a bullet ("•", "-", "*", "1." ...) starts a new
 *   item (the bullet itself is dropped), and a line ending with a partner tag ends one. Text with
 *   no blank lines at all is read as one paragraph per line.
 * - A paragraph ending with a partner tag (`[CCG/ UHL/ LA]`) is a recommendation; partners are as
 *   written, not normalised against any directory.
 * - A short title-like line (no final punctuation, at most 80 characters, not a list item and not
 *   tagged) is a heading of level 2; markdown "#"/"##"/"###" lines give levels 1 to 3.
 * - Other paragraphs stay paragraphs, unless `allRecommendations`, when they become
 *   recommendations with partners [].
 */
export function textToBlocks(text: string, opts: TextToBlocksOptions = {}): Block[] {
  const lines = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  for (const item of mergeBrokenParagraphs(toItems(lines))) {
    const joined = joinLines(item.lines);
    if (item.markdownLevel !== undefined) {
      if (joined !== '') blocks.push({ kind: 'heading', level: Math.min(item.markdownLevel, 3) as HeadingLevel, text: stripEmphasis(joined) });
      continue;
    }
    if (joined === '') continue;
    const tagged = parseTrailingPartnerTag(joined);
    if (tagged) {
      blocks.push({ kind: 'recommendation', text: tagged.text, partners: tagged.partners });
    } else if (!item.bullet && isTitleLike(joined)) {
      blocks.push({ kind: 'heading', level: PLAIN_HEADING_LEVEL, text: stripEmphasis(joined) });
    } else if (opts.allRecommendations) {
      blocks.push({ kind: 'recommendation', text: joined, partners: [] });
    } else {
      blocks.push({ kind: 'paragraph', text: joined });
    }
  }
  return blocks;
}
