import { isAscii, isUtf8 } from 'node:buffer';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import iconv from 'iconv-lite';
import {
  bomEncoding, fileLineError, firstInvalidUtf8, incompleteUtf8Tail, lineAtOffset, openTextStream, startsWith, TEXT_CHUNK,
  type TextFileFacts, type TextFileToRead, wholeFileError,
} from './decodeText';
import { followFile } from './growingFile';
import { ReadAgainKnowingEncoding } from './readAgain';

/**
 * A large text file read once: sha256, the checks of {@link inspectTextFile} (UTF-16, a zip, NUL
 * bytes, a BOM on bytes that are not UTF-8) and decoding, all in the same pass, so an import reads
 * a 200 MB download once instead of twice. The encoding is decided as the bytes come: UTF-8 while
 * they are valid UTF-8; at the first byte that is not, Windows-1252 from there on — exactly what
 * deciding first would have given when everything before it was ASCII (the two agree on ASCII).
 * Only when valid non-ASCII UTF-8 came before it (a file mixing encodings, rare) is that not so:
 * then {@link ReadAgainKnowingEncoding} says to read it again with {@link inspectTextFile}'s facts.
 */
export { ReadAgainKnowingEncoding } from './readAgain';

const EMPTY = Buffer.alloc(0);

/**
 * A file (or a download, as it is written) is read 256 KB at a time (at 32 KB the reads were
 * ~0.25 s of a 210 MB file's import), and its text handed on in pieces of TEXT_CHUNK: small chunks
 * keep the parser's rows short-lived (decodeText.ts).
 */
const READ_CHUNK = 1 << 18;

function* inPieces(text: string): Generator<string> {
  if (text.length <= TEXT_CHUNK) {
    yield text;
    return;
  }
  for (let at = 0; at < text.length; at += TEXT_CHUNK) yield text.slice(at, at + TEXT_CHUNK);
}

export class TextOnce {
  private readonly hash = createHash('sha256');
  private read = 0;
  private encoding: 'utf-8' | 'windows-1252' = 'utf-8';
  private bom = false;
  private done = false;

  constructor(readonly file: TextFileToRead) {}

  get bytesRead(): number {
    return this.read;
  }

  /** What {@link inspectTextFile} would have said: only once the text was read to the end. */
  facts(): TextFileFacts {
    if (!this.done) throw new Error(`${this.file.name} has not been read to the end`);
    // The size read: a file that was still growing (a download) had none when it was opened.
    const { path, name } = this.file;
    return { path, name, size: this.read, sha256: this.hash.digest('hex'), encoding: this.encoding, bom: this.bom };
  }

  /** The file's text, BOM dropped, in chunks of up to 32 KB (see openTextStream). */
  async *chunks(): AsyncGenerator<string> {
    const { path, name, growing } = this.file;
    const stream = growing ? followFile(path, name, growing, READ_CHUNK) : createReadStream(path, { highWaterMark: READ_CHUNK });
    let first = true;
    let carry: Buffer = EMPTY;
    let offset = 0; // in the file, of the first byte of `carry`
    let nonAscii = false;
    let win: ReturnType<typeof iconv.getDecoder> | null = null;
    /** Bytes from `at` on are not UTF-8: refused after a BOM, read again after non-ASCII UTF-8, else Windows-1252 from here. */
    const notUtf8 = async (at: number) => {
      if (this.bom) {
        throw fileLineError(name, await lineAtOffset(path, at), 'the file starts with a UTF-8 byte-order mark, but this line is not valid UTF-8; the file is damaged or mixes encodings.');
      }
      if (nonAscii) throw new ReadAgainKnowingEncoding(name);
      this.encoding = 'windows-1252';
      return iconv.getDecoder('win1252');
    };
    try {
      for await (const raw of stream as AsyncIterable<Buffer>) {
        this.hash.update(raw);
        this.read += raw.length;
        let chunk = raw;
        if (first) {
          first = false;
          const declared = bomEncoding(raw);
          if (declared === 'utf-16le' || declared === 'utf-16be') {
            throw wholeFileError(name, 'the file is UTF-16 text (Excel\'s "Unicode Text"); save it as "CSV UTF-8 (Comma delimited)" and import that.');
          }
          if (startsWith(raw, [0x50, 0x4b, 0x03, 0x04])) {
            throw wholeFileError(name, 'this is not a text file but a zipped file (an Excel .xlsx workbook?); save it as "CSV UTF-8 (Comma delimited)" and import that.');
          }
          if (declared === 'utf-8') {
            this.bom = true;
            chunk = raw.subarray(3);
            offset = 3;
          }
        }
        if (raw.indexOf(0) >= 0) throw wholeFileError(name, 'this is a binary file, not text (it contains NUL bytes).');
        if (win) {
          yield* inPieces(win.write(chunk));
          continue;
        }
        const buf = carry.length ? Buffer.concat([carry, chunk]) : chunk;
        const tail = incompleteUtf8Tail(buf);
        const body = tail ? buf.subarray(0, buf.length - tail) : buf;
        if (isUtf8(body)) {
          if (!nonAscii && !isAscii(body)) nonAscii = true;
          carry = tail ? Buffer.from(buf.subarray(buf.length - tail)) : EMPTY;
          offset += body.length;
          if (body.length > 0) yield* inPieces(body.toString('utf8'));
          continue;
        }
        win = await notUtf8(offset + firstInvalidUtf8(body));
        carry = EMPTY;
        yield* inPieces(win.write(buf));
      }
      // The file ends inside a character: not UTF-8 either.
      if (!win && carry.length > 0) win = await notUtf8(offset);
      if (win) {
        const rest = win.write(carry) + (win.end() ?? '');
        if (rest) yield rest;
      }
      this.done = true;
    } finally {
      if ('destroy' in stream) stream.destroy();
      else await stream.return(undefined);
    }
  }
}

/** A file's text: read once (hashed and checked as it goes), or decoded as already inspected. */
export function openText(file: TextFileFacts | TextFileToRead): { chunks: AsyncIterable<string>; bytesRead: () => number; facts: () => TextFileFacts } {
  if ('sha256' in file) {
    const { stream, bytesRead } = openTextStream(file);
    return { chunks: stream as AsyncIterable<string>, bytesRead, facts: () => file };
  }
  const once = new TextOnce(file);
  return { chunks: once.chunks(), bytesRead: () => once.bytesRead, facts: () => once.facts() };
}
