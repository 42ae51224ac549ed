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

/** Line breaks (LF) inside a field, after line endings were made LF. */
function lineBreaks(field: string): number {
  let n = 0;
  for (let at = field.indexOf('\n'); at >= 0; at = field.indexOf('\n', at + 1)) n++;
  return n;
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
  let nextLine = 1;
  let partial = '';
  let first = true;

  /** Hands on the records of one parse; the last one only when `final`. */
  const deliver = (result: PapaResult, final: boolean) => {
    const { data, errors } = result;
    // Errors past the returned records belong to the unfinished one, parsed again with the next chunk.
    const error = errors.find((e) => e.row !== undefined && (final || e.row < data.length));
    for (let i = 0; i < data.length; i++) {
      const record = data[i]!;
      const line = nextLine;
      let breaks = 0;
      for (let k = 0; k < record.length; k++) if (record[k]!.length > 0) breaks += lineBreaks(record[k]!);
      nextLine = line + 1 + breaks;
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
      deliver(result, false);
      partial = aggregate.slice(result.meta.cursor);
      if (partial.length > MAX_RECORD_CHARS) {
        throw lineError(file, nextLine, `this record is longer than ${MAX_RECORD_CHARS / (1 << 20)} MB; a quote is probably not closed.`);
      }
      if (afterChunk) await afterChunk();
    }
    const rest = partial + endings.end();
    // A trailing line break ends the last record; what remains after it is nothing, not a blank record.
    if (rest !== '') deliver(parser.parse(rest.endsWith('\n') ? rest : `${rest}\n`, 0, false), true);
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
