import { ChromiumPdf } from './chromiumPdf';

/**
 * The digits a PDF font can show, as Chromium embeds fonts: a Type0 font, Identity-H (two-byte
 * glyph ids as codes), a subset of the font with a ToUnicode map for the glyphs it holds, and their
 * widths (/W, thousandths of the font size). A digit not in the subset is absent: it cannot be shown.
 */
export interface FontDigits {
  /** Digit ('0'–'9') → its code as written in a content stream's hex string (four hex digits). */
  code: Map<string, string>;
  /** Code (four hex digits, upper case) → advance in thousandths of the font size. */
  width(code: string): number;
}

export function fontDigits(pdf: ChromiumPdf, font: number): FontDigits | null {
  const dict = pdf.object(font);
  if (!/\/Subtype\s*\/Type0\b/.test(dict) || !/\/Encoding\s*\/Identity-H\b/.test(dict)) return null;
  const toUnicode = ChromiumPdf.ref(dict, 'ToUnicode');
  const descendant = /\/DescendantFonts\s*\[\s*(\d+) 0 R/.exec(dict)?.[1];
  const cmap = toUnicode === null ? null : pdf.stream(toUnicode);
  if (!cmap || !descendant) return null;
  const code = digitCodes(cmap.data.toString('latin1'));
  const cid = pdf.object(Number(descendant));
  if (!/\/CIDToGIDMap\s*\/Identity\b/.test(cid)) return null;
  const widths = glyphWidths(cid);
  const fallback = Number(/\/DW\s+([\d.]+)/.exec(cid)?.[1] ?? 1000);
  return { code, width: (c) => widths.get(parseInt(c, 16)) ?? fallback };
}

const hex4 = (n: number) => n.toString(16).toUpperCase().padStart(4, '0');

/** Digit → code, from a ToUnicode CMap's bfchar and bfrange entries. */
export function digitCodes(cmap: string): Map<string, string> {
  const out = new Map<string, string>();
  const add = (code: number, unicode: number) => {
    const ch = String.fromCharCode(unicode);
    if (ch >= '0' && ch <= '9' && !out.has(ch)) out.set(ch, hex4(code));
  };
  for (const block of cmap.matchAll(/beginbfchar([^]*?)endbfchar/g)) {
    for (const m of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]{4})>/g)) add(parseInt(m[1]!, 16), parseInt(m[2]!, 16));
  }
  for (const block of cmap.matchAll(/beginbfrange([^]*?)endbfrange/g)) {
    for (const m of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(?:<([0-9A-Fa-f]{4})>|\[([^\]]*)\])/g)) {
      const lo = parseInt(m[1]!, 16);
      const hi = parseInt(m[2]!, 16);
      if (m[3]) for (let c = lo; c <= hi; c++) add(c, parseInt(m[3], 16) + (c - lo));
      else [...m[4]!.matchAll(/<([0-9A-Fa-f]{4})>/g)].forEach((d, i) => lo + i <= hi && add(lo + i, parseInt(d[1]!, 16)));
    }
  }
  return out;
}

/** Glyph → width from a CIDFont's /W array: "c [w1 w2 …]" and "cFirst cLast w" runs. */
export function glyphWidths(cidFont: string): Map<number, number> {
  const out = new Map<number, number>();
  const at = cidFont.search(/\/W\s*\[/);
  if (at < 0) return out;
  // The array's tokens, up to its closing bracket (one level of nested arrays).
  const tokens: (number | number[])[] = [];
  const re = /\[([^\[\]]*)\]|(-?[\d.]+)|(\])/g;
  re.lastIndex = cidFont.indexOf('[', at) + 1;
  for (let m = re.exec(cidFont); m && !m[3]; m = re.exec(cidFont)) tokens.push(m[1] !== undefined ? m[1].trim().split(/\s+/).filter(Boolean).map(Number) : Number(m[2]));
  for (let i = 0; i < tokens.length; ) {
    const first = tokens[i];
    const next = tokens[i + 1];
    if (typeof first !== 'number') break;
    if (Array.isArray(next)) {
      next.forEach((w, k) => out.set(first + k, w));
      i += 2;
    } else {
      const w = tokens[i + 2];
      if (typeof next !== 'number' || typeof w !== 'number') break;
      for (let c = first; c <= next; c++) out.set(c, w);
      i += 3;
    }
  }
  return out;
}
