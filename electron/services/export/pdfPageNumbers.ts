import { deflateSync } from 'node:zlib';
import { ChromiumPdf, pdfName } from './chromiumPdf';
import { type FontDigits, fontDigits } from './pdfFontDigits';

/**
 * Writes the contents' page numbers into the printed PDF itself, so one print is enough. The
 * contents were printed with a placeholder in each entry's page slot (PLACEHOLDER, in the entry's
 * own font, right-aligned in a fixed-width box: the layout does not depend on what the slot holds).
 * Chromium draws each slot as a text run of its own; here each placeholder run has its glyphs
 * replaced by the page number's, moved right by the width it loses (so it stays right-aligned), in
 * the same marked content (so the tags and reading order read the number). Only the contents pages'
 * streams change. Returns null, changing nothing, unless every slot is found exactly once, in order,
 * on a page that also holds its entry's link, and every digit needed is in the font's subset; the
 * caller then prints again with the numbers in the HTML.
 */
export const PLACEHOLDER = '000';

/** One text run as Skia writes it: a font, a text matrix, one hex string shown, nothing else. */
const RUN = /BT\n\/([A-Za-z0-9_.-]+) ([\d.]+) Tf\n1 0 0 -1 (-?[\d.]+) (-?[\d.]+) Tm\n<([0-9A-Fa-f]+)> Tj\nET/g;

export function writePageNumbers(bytes: Buffer, slotIds: readonly string[], pageOf: ReadonlyMap<string, number>): Buffer | null {
  if (!slotIds.length) return bytes;
  const pdf = ChromiumPdf.read(bytes);
  if (!pdf) return null;
  const fonts = new Map<number, FontDigits | null>();
  const digitsOf = (ref: number) => {
    if (!fonts.has(ref)) fonts.set(ref, fontDigits(pdf, ref));
    return fonts.get(ref)!;
  };
  const replaced = new Map<number, Buffer>();
  let next = 0;
  for (const page of pdf.pages()) {
    const dict = pdf.object(page);
    const fontRefs = pageFonts(pdf, dict);
    const links = pageLinks(pdf, dict);
    const contents = contentStreams(dict);
    if (!fontRefs || !contents) return null;
    let onPage = 0;
    for (const n of contents) {
      const stream = pdf.stream(n);
      if (!stream) return null;
      let failed = false;
      const text = stream.data.toString('latin1').replace(RUN, (run, font: string, size: string, x: string, y: string, hex: string) => {
        const ref = fontRefs.get(font);
        const digits = ref === undefined ? null : digitsOf(ref);
        const placeholder = digits && glyphs(digits, PLACEHOLDER);
        if (failed || !digits || !placeholder || placeholder !== hex.toUpperCase()) return run;
        onPage++;
        const id = slotIds[next++];
        const page = id === undefined ? undefined : pageOf.get(id);
        const number = page === undefined ? null : glyphs(digits, String(page));
        if (!id || !links.has(id) || !number) {
          failed = true;
          return run;
        }
        const shift = ((width(digits, placeholder) - width(digits, number)) / 1000) * Number(size);
        return `BT\n/${font} ${size} Tf\n1 0 0 -1 ${decimal(Number(x) + shift)} ${y} Tm\n<${number}> Tj\nET`;
      });
      if (failed) return null;
      if (text !== stream.data.toString('latin1')) replaced.set(n, Buffer.from(text, 'latin1'));
    }
    // The contents and the list of figures are together at the front: the first page after them without a slot ends them.
    if (!onPage && next > 0) break;
  }
  if (next !== slotIds.length) return null;
  return pdf.withStreams(replaced, (data) => deflateSync(data));
}

/** The text's codes in the font (hex, as in a content stream), or null when a digit is not in its subset. */
function glyphs(digits: FontDigits, text: string): string | null {
  let out = '';
  for (const ch of text) {
    const code = digits.code.get(ch);
    if (!code) return null;
    out += code;
  }
  return out;
}

function width(digits: FontDigits, hex: string): number {
  let w = 0;
  for (let i = 0; i < hex.length; i += 4) w += digits.width(hex.slice(i, i + 4));
  return w;
}

/** A coordinate as Skia writes them: up to five decimals, no trailing zeros. */
const decimal = (n: number) => String(Number(n.toFixed(5)));

/** The page's font resources by name (/F5 → object 5), or null when they are not where Chromium puts them. */
function pageFonts(pdf: ChromiumPdf, page: string): Map<string, number> | null {
  const indirect = ChromiumPdf.ref(page, 'Resources');
  const resources = indirect === null ? page : pdf.object(indirect);
  const fonts = /\/Font\s*<<([^>]*)>>/.exec(resources);
  if (!fonts) return /\/Resources\b/.test(page) ? new Map() : null;
  return new Map([...fonts[1]!.matchAll(/\/([A-Za-z0-9_.-]+)\s+(\d+) 0 R/g)].map((m) => [m[1]!, Number(m[2])]));
}

/** The named destinations the page's link annotations go to. */
function pageLinks(pdf: ChromiumPdf, page: string): Set<string> {
  const annots = /\/Annots\s*\[([^\]]*)\]/.exec(page);
  const out = new Set<string>();
  for (const m of annots?.[1]!.matchAll(/(\d+) 0 R/g) ?? []) {
    const dest = /\/Dest\s*\/([A-Za-z0-9_#-]+)/.exec(pdf.object(Number(m[1])));
    if (dest) out.add(pdfName(dest[1]!));
  }
  return out;
}

/** The page's content streams (one reference or an array of them). */
function contentStreams(page: string): number[] | null {
  const one = ChromiumPdf.ref(page, 'Contents');
  if (one !== null) return [one];
  const many = /\/Contents\s*\[([^\]]*)\]/.exec(page);
  return many ? [...many[1]!.matchAll(/(\d+) 0 R/g)].map((m) => Number(m[1])) : /\/Contents\b/.test(page) ? null : [];
}
