/**
 * Text widths for headless rendering. Without the `canvas` package, vega guesses every character is
 * 0.8 em wide — nearly twice Arial's average — so in export it truncated axis labels ("Most deprived
 * decil…") that fit on screen, and laid charts out differently from the screen. These are the
 * Helvetica/Arial advance widths (Adobe AFM, 1/1000 em; Arial and Liberation Sans share them), which
 * is what the exported SVG is drawn with (font-family Arial, Helvetica, sans-serif).
 */

// Widths of the printable ASCII characters, code 32 (space) to 126 (~).
const REGULAR = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, // space … /
  556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, // 0 … ?
  1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, // @ … O
  667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, // P … _
  333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, // ` … o
  556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584, // p … ~
];
const BOLD = [
  278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278,
  556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611,
  975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778,
  667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556,
  333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611,
  611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584,
];
const OTHER: Record<string, number> = { '–': 556, '—': 1000, '…': 1000, '’': 222, '‘': 222, '“': 333, '”': 333, '£': 556, '€': 556, '·': 278, '×': 584 };
const DEFAULT_WIDTH = 556;

/** Width in pixels of `text` at `fontSize` px, bold or not. */
export function textWidth(text: string, fontSize: number, bold: boolean): number {
  const table = bold ? BOLD : REGULAR;
  let units = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    units += code >= 32 && code <= 126 ? table[code - 32] ?? DEFAULT_WIDTH : OTHER[ch] ?? DEFAULT_WIDTH;
  }
  return (units * fontSize) / 1000;
}

interface TextItem {
  fontSize?: number | string;
  fontWeight?: number | string;
  limit?: number;
}

function isBold(weight: TextItem['fontWeight']): boolean {
  if (weight === undefined) return false;
  if (typeof weight === 'number') return weight >= 600;
  return weight === 'bold' || weight === 'bolder' || Number(weight) >= 600;
}

/**
 * A replacement for vega's `textMetrics.width(item, text)`. vega calls it both to truncate (with
 * candidate strings) and to measure bounds (with the untruncated text), so a text longer than the
 * item's `limit` is reported as exactly the limit: truncation still happens, bounds stay right.
 */
export function vegaTextWidth(item: TextItem, text: unknown): number {
  const size = item.fontSize !== undefined && item.fontSize !== null ? Number(item.fontSize) || 0 : 11;
  const line = text === null || text === undefined ? '' : String(text).trim();
  const width = textWidth(line, size, isBold(item.fontWeight));
  return item.limit !== undefined && item.limit > 0 ? Math.min(width, item.limit) : width;
}
