import type { Readable } from 'node:stream';
import Papa from 'papaparse';
import { lineError } from './lineError';

/**
 * CSV records with the physical line each starts on. This is the one place that knows the CSV
 * tokenizer: papaparse's core parser, fed chunk by chunk here (we keep the unfinished last record
 * between chunks, so a record never grows past {@link MAX_RECORD_CHARS}). papaparse rather than
 * csv-parse because on this machine csv-parse reads a Fingertips download at ~20k records/s and
 * papaparse at ~400k — the parser was 90% of an import.
 *
 * Accepted: ragged records (Fingertips writes 25 fields under a 26-field header), quoted fields with
 * line breaks, CRLF / LF / CR line endings mixed in one file (all read as LF, also inside quoted
 * fields), blank lines (skipped), a quote inside an unquoted field (taken literally, as Excel does).
 * Refused, naming the line where the record starts: an unclosed quote (also what a file cut off
 * mid-field looks like), a closing quote followed by other text, a record over MAX_RECORD_CHARS
 * (binary junk or a runaway quote).
 */
export const MAX_RECORD_CHARS = 1 << 20;

/** Line breaks (LF) in `text` from `from` to `to`, after line endings were made LF. */
function lineBreaks(text: string, from = 0, to = text.length): number {
  let n = 0;
  for (let at = text.indexOf('\n', from); at >= 0 && at < to; at = text.indexOf('\n', at + 1)) n++;
  return n;
}

/**
 * How many line breaks each record of one parse has inside its fields, so each record's line is
 * known. Counting every field of every record was ~10% of reading a file; instead the parsed text's
 * line breaks are counted once: beyond one per record, they are inside fields, and they are looked
 * for only in the columns that had them before (a download's indicator name) — every field is
 * searched only when those do not account for all of them.
 */
class BreaksInFields {
  private readonly columns: number[] = [];

  count(records: string[][], text: string, end: number, exact: boolean, into: Int32Array): void {
    let inFields = exact ? -1 : lineBreaks(text, 0, end) - records.length;
    if (inFields === 0) {
      into.fill(0, 0, records.length);
      return;
    }
    if (inFields > 0) {
      for (let i = 0; i < records.length; i++) {
        const r = records[i]!;
        let n = 0;
        for (const k of this.columns) if (k < r.length) n += lineBreaks(r[k]!);
        into[i] = n;
        inFields -= n;
      }
      if (inFields === 0) return;
    }
    for (let i = 0; i < records.length; i++) {
      const r = records[i]!;
      let n = 0;
      for (let k = 0; k < r.length; k++) {
        if (r[k]!.length === 0) continue;
        const b = lineBreaks(r[k]!);
        if (b > 0 && !this.columns.includes(k)) this.columns.push(k);
        n += b;
      }
      into[i] = n;
    }
  }
}

/** Makes CRLF and lone CR into LF across chunk boundaries. */
class LineEndings {
  private pendingCR = false;
  push(chunk: string): string {
    let s = this.pendingCR ? `\r${chunk}` : chunk;
    this.pendingCR = false;
    if (s.indexOf('\r') < 0) return s;
    if (s.endsWith('\r')) {
      this.pendingCR = true;
      s = s.slice(0, -1);
    }
    // Two plain-string passes (CRLF, then the lone CRs left): half the time of one /\r\n?/g.
    s = s.replaceAll('\r\n', '\n');
    return s.indexOf('\r') < 0 ? s : s.replaceAll('\r', '\n');
  }
  end(): string {
    return this.pendingCR ? '\n' : '';
  }
}

interface PapaResult {
  data: string[][];
  errors: { code: string; row?: number }[];
  meta: { cursor: number };
}

/**
 * Reads `input` (a stream of strings, see openText) record by record, calling
 * `onRecord(fields, line)`; `line` is the physical line where the record starts. A throw from
 * `onRecord` stops reading and rejects with that error; the input is destroyed either way.
 * `afterChunk`, if given, is awaited after the records of each chunk of `input` were handed on.
 */
export async function readCsvRecords(
  input: AsyncIterable<string>,
  file: string,
  onRecord: (fields: string[], line: number) => void,
  afterChunk?: () => Promise<void> | void,
): Promise<void> {
  const parser = new Papa.Parser({ delimiter: ',', newline: '\n', quoteChar: '"' }) as unknown as {
    parse(input: string, baseIndex: number, ignoreLastRow: boolean): PapaResult;
  };
  const endings = new LineEndings();
  const inFields = new BreaksInFields();
  let breaks = new Int32Array(1024);
  let nextLine = 1;
  let partial = '';
  let first = true;

  /** Hands on the records of one parse of `text` (its first `end` characters); the last one only when `final`. */
  const deliver = (result: PapaResult, text: string, end: number, final: boolean) => {
    const { data, errors } = result;
    // Errors past the returned records belong to the unfinished one, parsed again with the next chunk.
    const error = errors.find((e) => e.row !== undefined && (final || e.row < data.length));
    if (breaks.length < data.length) breaks = new Int32Array(data.length * 2);
    // Every field is searched where a record may be cut short (an error, the file's end).
    inFields.count(data, text, end, error !== undefined || final, breaks);
    for (let i = 0; i < data.length; i++) {
      const record = data[i]!;
      const line = nextLine;
      nextLine = line + 1 + breaks[i]!;
      if (error && error.row === i) throw quoteError(file, line, error.code);
      if (record.length === 1 && record[0] === '') continue; // a blank line
      onRecord(record, line);
    }
    if (error) throw quoteError(file, nextLine, error.code);
  };

  try {
    for await (const chunk of input) {
      let text = endings.push(chunk);
      if (first) {
        first = false;
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      }
      const aggregate = partial + text;
      const result = parser.parse(aggregate, 0, true);
      deliver(result, aggregate, result.meta.cursor, false);
      partial = aggregate.slice(result.meta.cursor);
      if (partial.length > MAX_RECORD_CHARS) {
        throw lineError(file, nextLine, `this record is longer than ${MAX_RECORD_CHARS / (1 << 20)} MB; a quote is probably not closed.`);
      }
      if (afterChunk) await afterChunk();
    }
    const rest = partial + endings.end();
    // A trailing line break ends the last record; what remains after it is nothing, not a blank record.
    if (rest !== '') {
      const last = rest.endsWith('\n') ? rest : `${rest}\n`;
      deliver(parser.parse(last, 0, false), last, last.length, true);
    }
  } finally {
    (input as Partial<Readable>).destroy?.();
  }
}

function quoteError(file: string, line: number, code: string) {
  if (code === 'MissingQuotes') {
    return lineError(file, line, 'a quoted field opens in this record and is never closed (is the file cut short?).');
  }
  return lineError(
    file,
    line,
    'a quoted field in this record is not closed where it should be: a quote is followed by other text before the next comma. Is a closing quote missing? (Write "" for a quote inside a quoted field.)',
  );
}
