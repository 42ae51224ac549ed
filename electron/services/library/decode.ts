import { createHash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import type { Readable, Transform } from 'node:stream';
import iconv from 'iconv-lite';
import { AppError } from '../../../shared/api/errors';
import { lineError } from './lineError';

/**
 * What an input file is, learnt in one streaming pass before any parsing or writing: its sha256
 * (the vintage's identity), its text encoding, and whether it is text at all.
 *
 * Encodings: UTF-8 with or without a byte-order mark; when the bytes are not valid UTF-8, Windows-1252
 * (what Excel's plain "CSV" writes on Windows in the UK: £, é in "Bridgend / Pen-y-bont ar Ogwr"…).
 * UTF-16 ("Unicode text" from Excel) and binary files (NUL bytes: .xlsx, .zip, SQLite…) are refused.
 */
export type TextEncoding = 'utf-8' | 'windows-1252';

export interface FileFacts {
  path: string;
  /** How messages name the file: the path as the user gave it. */
  name: string;
  size: number;
  sha256: string;
  encoding: TextEncoding;
  /** The file starts with a UTF-8 byte-order mark (dropped before parsing). */
  bom: boolean;
}

const CHUNK = 1 << 20;

/**
 * How many bytes at the end of `buf` are the start of a UTF-8 sequence that the next chunk completes
 * (0 when the chunk ends on a character boundary).
 */
export function incompleteUtf8Tail(buf: Buffer): number {
  for (let i = 1; i <= Math.min(3, buf.length); i++) {
    const b = buf[buf.length - i]!;
    if ((b & 0xc0) === 0x80) continue; // a continuation byte: keep looking back for the lead byte
    if (b < 0xc0) return 0; // ASCII
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
    return need > i ? i : 0;
  }
  return 0;
}

/** Offset of the first byte that breaks UTF-8 in `buf` (or buf.length if none). Used only to name a line. */
export function firstInvalidUtf8(buf: Buffer): number {
  let i = 0;
  while (i < buf.length) {
    const b = buf[i]!;
    const need = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (need === 0 || i + need > buf.length) return i;
    if (!isUtf8(buf.subarray(i, i + need))) return i;
    i += need;
  }
  return buf.length;
}

/** The physical line (1-based; CRLF, LF and a lone CR each end a line) on which byte `offset` lies. */
export async function lineAtOffset(path: string, offset: number): Promise<number> {
  let line = 1;
  if (offset <= 0) return line;
  let pos = 0;
  let prevCR = false;
  for await (const chunk of createReadStream(path, { highWaterMark: CHUNK, end: Math.max(0, offset - 1) }) as AsyncIterable<Buffer>) {
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i]!;
      if (c === 0x0a) {
        if (!prevCR) line++;
        prevCR = false;
      } else if (c === 0x0d) {
        line++;
        prevCR = true;
      } else prevCR = false;
    }
    pos += chunk.length;
    if (pos >= offset) break;
  }
  return line;
}

function startsWith(buf: Buffer, bytes: number[]): boolean {
  return buf.length >= bytes.length && bytes.every((b, i) => buf[i] === b);
}

/** Reads the file once: sha256, encoding, and the checks that refuse non-text files. */
export async function inspectFile(path: string, name = path): Promise<FileFacts> {
  let size: number;
  try {
    const st = statSync(path);
    if (st.isDirectory()) throw new AppError('BAD_INPUT', `${name} is a folder, not a CSV file.`, { file: name });
    size = st.size;
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('NOT_FOUND', `${name}: no such file.`, { file: name });
  }
  if (size === 0) throw lineError(name, 1, 'the file is empty.');

  const hash = createHash('sha256');
  let first = true;
  let bom = false;
  let carry: Buffer = Buffer.alloc(0);
  let offset = 0; // of the start of `carry` + chunk
  let invalidAt = -1;
  let nulAt = -1;
  for await (const raw of createReadStream(path, { highWaterMark: CHUNK }) as AsyncIterable<Buffer>) {
    hash.update(raw);
    if (first) {
      first = false;
      if (startsWith(raw, [0xff, 0xfe]) || startsWith(raw, [0xfe, 0xff])) {
        throw lineError(name, 1, 'the file is UTF-16 text (Excel\'s "Unicode Text"); save it as "CSV UTF-8 (Comma delimited)" and import that.');
      }
      if (startsWith(raw, [0x50, 0x4b, 0x03, 0x04])) {
        throw lineError(name, 1, 'this is not a CSV file but a zipped file (an Excel .xlsx workbook?); save it as "CSV UTF-8 (Comma delimited)" and import that.');
      }
      bom = startsWith(raw, [0xef, 0xbb, 0xbf]);
    }
    if (nulAt < 0) {
      const nul = raw.indexOf(0);
      if (nul >= 0) nulAt = offset + carry.length + nul;
    }
    if (nulAt >= 0) break;
    if (invalidAt < 0) {
      const buf = carry.length ? Buffer.concat([carry, raw]) : raw;
      const tail = incompleteUtf8Tail(buf);
      const body = buf.subarray(0, buf.length - tail);
      if (!isUtf8(body)) invalidAt = offset + firstInvalidUtf8(body);
      offset += body.length;
      carry = Buffer.from(buf.subarray(buf.length - tail));
    }
  }
  if (nulAt >= 0) {
    throw lineError(name, await lineAtOffset(path, nulAt), 'this is a binary file, not CSV text (it contains NUL bytes).');
  }
  if (invalidAt < 0 && carry.length > 0) invalidAt = offset; // the file ends inside a character
  if (invalidAt >= 0 && bom) {
    throw lineError(
      name,
      await lineAtOffset(path, invalidAt),
      'the file starts with a UTF-8 byte-order mark, but this line is not valid UTF-8; the file is damaged or mixes encodings.',
    );
  }
  return { path, name, size, sha256: hash.digest('hex'), encoding: invalidAt >= 0 ? 'windows-1252' : 'utf-8', bom };
}

/**
 * The file's bytes for the CSV parser. UTF-8 goes through as bytes (csv-parse decodes each field and
 * drops the BOM itself, which is faster than decoding the whole file to a string and back);
 * Windows-1252 is decoded by iconv-lite into text.
 */
export function openDecodedStream(facts: FileFacts): { stream: Readable; bytesRead: () => number } {
  const file = createReadStream(facts.path, { highWaterMark: CHUNK });
  const bytesRead = () => file.bytesRead;
  if (facts.encoding === 'utf-8') return { stream: file, bytesRead };
  const decoder = iconv.decodeStream('win1252') as unknown as Transform;
  file.on('error', (e) => decoder.destroy(e));
  return { stream: file.pipe(decoder), bytesRead };
}
