import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { sha256Without } from './fileSeal';

/**
 * A PDF JSNA Studio exported carries the sha256 of its own bytes (without the seal) in a comment
 * line just before its closing `startxref` (PDF comments are whitespace to a reader, and nothing
 * before it moves, so no offset changes). A later export may replace the file only while it is still
 * exactly as exported: a PDF saved again by Acrobat or another editor (an incremental update appended
 * after %%EOF, or the file written anew) no longer carries a matching seal at its end, so it is not
 * replaced without the analyst's say (exportTarget.ts).
 */
const SEAL_PREFIX = '%jsna-sha256 ';
/** The seal, then the file's last lines as a PDF ends: startxref, its offset, %%EOF. */
const SEALED_END = /%jsna-sha256 ([0-9a-f]{64})\r?\n(startxref\s+\d+\s+%%EOF\s*)$/;
/** How much of the file's end is read for the seal (an edited file's seal may be further back: then all of it is searched). */
const TAIL = 64 * 1024;

/** The PDF with its seal; unchanged when it has no `startxref` (not a PDF as a printer writes it). */
export function sealPdf(bytes: Buffer): Buffer {
  const at = bytes.lastIndexOf('startxref');
  if (at < 0) return bytes;
  const hex = createHash('sha256').update(bytes).digest('hex');
  return Buffer.concat([bytes.subarray(0, at), Buffer.from(`${SEAL_PREFIX}${hex}\n`, 'latin1'), bytes.subarray(at)]);
}

function tailOf(path: string): { text: string; offset: number } {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const offset = Math.max(0, size - TAIL);
    const buf = Buffer.alloc(size - offset);
    const n = readSync(fd, buf, 0, buf.length, offset);
    return { text: buf.toString('latin1', 0, n), offset };
  } finally {
    closeSync(fd);
  }
}

/** Whether the file holds `needle` anywhere (read a MB at a time; only when its end has no seal). */
function fileIncludes(path: string, needle: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const want = Buffer.from(needle, 'latin1');
    const buf = Buffer.alloc((1 << 20) + want.length);
    let kept = 0;
    for (let position = 0; ; ) {
      const n = readSync(fd, buf, kept, buf.length - kept, position);
      if (n === 0) return false;
      position += n;
      const filled = kept + n;
      if (buf.subarray(0, filled).includes(want)) return true;
      // The last bytes again at the start, so a needle across two reads is found.
      kept = Math.min(want.length - 1, filled);
      buf.copy(buf, 0, filled - kept, filled);
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * What the file says: 'unchanged' (a seal at the very end whose hash matches the file without it),
 * 'changed' (one of our seals, but the file was changed or added to since: anywhere in it, as an
 * editor's update appended after it may be of any size), or 'unsealed'.
 */
export function pdfSealState(path: string): 'unchanged' | 'changed' | 'unsealed' {
  const { text, offset } = tailOf(path);
  const m = SEALED_END.exec(text);
  if (!m) return text.includes(SEAL_PREFIX) || (offset > 0 && fileIncludes(path, SEAL_PREFIX)) ? 'changed' : 'unsealed';
  const from = offset + m.index;
  const to = from + m[0].length - m[2]!.length;
  return sha256Without(path, from, to) === m[1] ? 'unchanged' : 'changed';
}
