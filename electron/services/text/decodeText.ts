import { isUtf8 } from 'node:buffer';
import { createHash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import type { Readable, Transform } from 'node:stream';
import iconv from 'iconv-lite';
import { AppError } from '../../../shared/api/errors';

/**
 * The one text decoder of the app, for files as analysts' files arrive: UTF-8 with or without a
 * byte-order mark, UTF-16 with a BOM (Excel's "Unicode text"), or Windows-1252 (Excel's plain "CSV"
 * on Windows in the UK: £, the ô of "Ynys Môn", en dashes) when the bytes are not valid UTF-8.
 *
 * Two ways in: {@link decodeText} for a small file already in memory (a chapter's text), and
 * {@link inspectTextFile} + {@link openTextStream} for files streamed in one pass (the indicator
 * library's CSVs, hundreds of MB). Both take the same decisions.
 */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export const UTF8_BOM = [0xef, 0xbb, 0xbf];

export function startsWith(buf: Uint8Array, bytes: readonly number[]): boolean {
  return buf.length >= bytes.length && bytes.every((b, i) => buf[i] === b);
}

/** The encoding a byte-order mark declares, if any. */
export function bomEncoding(bytes: Uint8Array): TextEncodingName | null {
  if (startsWith(bytes, UTF8_BOM)) return 'utf-8';
  if (startsWith(bytes, [0xff, 0xfe])) return 'utf-16le';
  if (startsWith(bytes, [0xfe, 0xff])) return 'utf-16be';
  return null;
}

export function detectEncoding(bytes: Uint8Array): TextEncodingName {
  return bomEncoding(bytes) ?? (isUtf8(bytes) ? 'utf-8' : 'windows-1252');
}

export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncodingName } {
  const encoding = detectEncoding(bytes);
  // iconv-lite strips a BOM by default.
  return { text: iconv.decode(Buffer.from(bytes), encoding), encoding };
}

/** True when the bytes look binary (NUL bytes outside UTF-16), so they are not a text file at all. */
export function looksBinary(bytes: Uint8Array): boolean {
  const enc = detectEncoding(bytes);
  if (enc === 'utf-16le' || enc === 'utf-16be') return false;
  const n = Math.min(bytes.length, 8192);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return true;
  return false;
}

// ---------------------------------------------------------------------------------------------
// Streaming: large files, one pass to learn what they are, a second to read them.

/** What a text file is, learnt in one streaming pass before any parsing: its sha256, encoding, BOM. */
export interface TextFileFacts {
  path: string;
  /** How messages name the file: the path as the user gave it. */
  name: string;
  size: number;
  sha256: string;
  encoding: 'utf-8' | 'windows-1252';
  /** The file starts with a UTF-8 byte-order mark ({@link openTextStream} skips it). */
  bom: boolean;
}

const CHUNK = 1 << 20;
/**
 * Text is handed on in small chunks: a consumer that turns each chunk into many small objects (a CSV
 * parser's rows) keeps them short-lived, so they die young. Measured on a 1M-row import: with 1 MB
 * chunks the reading thread spent ~4 s of ~10 in garbage collection and peaked ~110 MB higher.
 */
export const TEXT_CHUNK = 1 << 15;

/** A rejected file, named the way compilers do: `<file>:<line>: <what is wrong>`. */
export function fileLineError(file: string, line: number, what: string): AppError {
  return new AppError('BAD_INPUT', `${file}:${line}: ${what}`, { file, line });
}

/** A file rejected as a whole (binary, zipped, UTF-16): no line is to blame, so none is named. */
export function wholeFileError(file: string, what: string): AppError {
  return new AppError('BAD_INPUT', `${file}: ${what}`, { file });
}

/**
 * How many bytes at the end of `buf` are the start of a UTF-8 sequence that the next chunk completes
 * (0 when the chunk ends on a character boundary).
 */
export function incompleteUtf8Tail(buf: Uint8Array): number {
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
export function firstInvalidUtf8(buf: Uint8Array): number {
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
  let prevCR = false;
  for await (const chunk of createReadStream(path, { highWaterMark: CHUNK, end: offset - 1 }) as AsyncIterable<Buffer>) {
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
  }
  return line;
}

/** A file about to be read: refused here when missing, a folder or empty. */
export interface TextFileToRead {
  path: string;
  name: string;
  /** 0 while `growing`: the bytes read tell (facts' size). */
  size: number;
  /** The file is still being written (a download teed to disk, text/growingFile.ts): read it as it grows. */
  growing?: SharedArrayBuffer;
}

export function statTextFile(path: string, name = path): TextFileToRead {
  let size: number;
  try {
    const st = statSync(path);
    if (st.isDirectory()) throw new AppError('BAD_INPUT', `${name} is a folder, not a file.`, { file: name });
    size = st.size;
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('NOT_FOUND', `${name}: no such file.`, { file: name });
  }
  if (size === 0) throw fileLineError(name, 1, 'the file is empty.');
  return { path, name, size };
}

/**
 * Reads a file once: its sha256 and encoding (as {@link detectEncoding} decides, chunk by chunk), and
 * refuses what is not text — NUL bytes (binary: an image, a SQLite file), a zip (an .xlsx workbook),
 * UTF-16 (Excel's tab-separated "Unicode text"), a UTF-8 BOM on bytes that are not UTF-8 — naming
 * `file:line` where a line is at fault and just `file` for the whole-file kinds.
 */
export async function inspectTextFile(path: string, name = path): Promise<TextFileFacts> {
  const { size } = statTextFile(path, name);

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
      const declared = bomEncoding(raw);
      if (declared === 'utf-16le' || declared === 'utf-16be') {
        throw wholeFileError(name, 'the file is UTF-16 text (Excel\'s "Unicode Text"); save it as "CSV UTF-8 (Comma delimited)" and import that.');
      }
      if (startsWith(raw, [0x50, 0x4b, 0x03, 0x04])) {
        throw wholeFileError(name, 'this is not a text file but a zipped file (an Excel .xlsx workbook?); save it as "CSV UTF-8 (Comma delimited)" and import that.');
      }
      bom = declared === 'utf-8';
    }
    const nul = raw.indexOf(0);
    if (nul >= 0) {
      nulAt = offset + carry.length + nul;
      break;
    }
    if (invalidAt < 0) {
      const buf = carry.length ? Buffer.concat([carry, raw]) : raw;
      const tail = incompleteUtf8Tail(buf);
      const body = buf.subarray(0, buf.length - tail);
      if (!isUtf8(body)) invalidAt = offset + firstInvalidUtf8(body);
      offset += body.length;
      carry = Buffer.from(buf.subarray(buf.length - tail));
    } else {
      offset += raw.length;
    }
  }
  if (nulAt >= 0) throw wholeFileError(name, 'this is a binary file, not text (it contains NUL bytes).');
  if (invalidAt < 0 && carry.length > 0) invalidAt = offset; // the file ends inside a character
  if (invalidAt >= 0 && bom) {
    throw fileLineError(
      name,
      await lineAtOffset(path, invalidAt),
      'the file starts with a UTF-8 byte-order mark, but this line is not valid UTF-8; the file is damaged or mixes encodings.',
    );
  }
  return { path, name, size, sha256: hash.digest('hex'), encoding: invalidAt >= 0 ? 'windows-1252' : 'utf-8', bom };
}

/**
 * The file's text as a stream of strings, BOM dropped, decoded as {@link inspectTextFile} found.
 * `bytesRead` is for progress.
 */
export function openTextStream(facts: TextFileFacts): { stream: Readable; bytesRead: () => number } {
  const file = createReadStream(facts.path, { highWaterMark: TEXT_CHUNK, start: facts.bom ? UTF8_BOM.length : 0 });
  const bytesRead = () => file.bytesRead;
  if (facts.encoding === 'utf-8') return { stream: file.setEncoding('utf8'), bytesRead };
  const decoder = iconv.decodeStream('win1252') as unknown as Transform;
  file.on('error', (e) => decoder.destroy(e));
  decoder.on('close', () => file.destroy());
  return { stream: file.pipe(decoder), bytesRead };
}
