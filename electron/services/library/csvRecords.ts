import type { Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import { lineError } from './lineError';

/**
 * CSV records with the physical line each starts on, streamed with csv-parse. This is the one place
 * that knows the CSV tokenizer, so it can be swapped for a faster one without touching the importers.
 *
 * Accepted: ragged records (Fingertips writes 25 fields under a 26-field header), quoted fields with
 * line breaks, CRLF / LF / CR line endings mixed in one file, a UTF-8 byte-order mark, blank lines.
 * Refused, naming the line: an unclosed quote (also what a file cut off mid-field looks like), a stray
 * quote inside a field, a record over {@link MAX_RECORD_BYTES} (binary junk or a runaway quote).
 */
export const MAX_RECORD_BYTES = 1 << 20;

/** Line breaks inside a field: CRLF counts once, a lone CR or LF once each — as csv-parse counts lines. */
export function lineBreaks(field: string): number {
  if (field.indexOf('\n') < 0 && field.indexOf('\r') < 0) return 0;
  let n = 0;
  for (let k = 0; k < field.length; k++) {
    const c = field.charCodeAt(k);
    if (c === 10) n++;
    else if (c === 13) {
      n++;
      if (field.charCodeAt(k + 1) === 10) k++;
    }
  }
  return n;
}

/**
 * Reads `input` record by record, calling `onRecord(fields, line)`; `line` is where the record starts.
 * Records are handled synchronously as csv-parse emits them ('data' in flowing mode), so the line
 * count is always that of the record being parsed — also when csv-parse fails mid-chunk. A throw
 * from `onRecord` stops reading and rejects with that error.
 */
export function readCsvRecords(input: Readable, file: string, onRecord: (fields: string[], line: number) => void): Promise<void> {
  const parser = parse({
    bom: true,
    relax_column_count: true,
    skip_empty_lines: false,
    record_delimiter: ['\r\n', '\n', '\r'],
    max_record_size: MAX_RECORD_BYTES,
  });
  return new Promise<void>((resolvePromise, reject) => {
    let nextLine = 1;
    let failed = false;
    const fail = (e: unknown) => {
      if (failed) return;
      failed = true;
      input.unpipe(parser);
      input.destroy();
      parser.destroy();
      reject(e);
    };
    parser.on('data', (record: string[]) => {
      if (failed) return;
      const line = nextLine;
      let breaks = 0;
      for (let i = 0; i < record.length; i++) breaks += lineBreaks(record[i]!);
      nextLine = line + 1 + breaks;
      if (record.length === 1 && record[0] === '') return; // a blank line
      try {
        onRecord(record, line);
      } catch (e) {
        fail(e);
      }
    });
    parser.on('error', (e) => fail(describeCsvError(e, file, nextLine)));
    parser.on('end', () => {
      if (!failed) resolvePromise();
    });
    input.on('error', fail);
    input.pipe(parser);
  });
}

function describeCsvError(e: unknown, file: string, recordLine: number): unknown {
  if (!(e instanceof CsvError)) return e;
  const at = typeof (e as { lines?: unknown }).lines === 'number' ? ((e as unknown as { lines: number }).lines) : recordLine;
  switch (e.code as string) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return lineError(file, recordLine, 'a quoted field opens in this record and is never closed (is the file cut short?).');
    case 'CSV_MAX_RECORD_SIZE':
      return lineError(file, recordLine, `this record is longer than ${MAX_RECORD_BYTES / (1 << 20)} MB; a quote is probably not closed.`);
    case 'CSV_INVALID_CLOSING_QUOTE':
      // The quote that "closes" may belong to a later line when an earlier quote never closed: name the record's start.
      return at > recordLine
        ? lineError(file, recordLine, `a quoted field opens in this record and is not closed where it should be (the next quote, on line ${at}, is followed by other text); is a closing quote missing?`)
        : lineError(file, recordLine, 'a quoted field is followed by other text before the next comma; write "" for a quote inside a quoted field.');
    case 'INVALID_OPENING_QUOTE': // (csv-parse 6 names this one without the CSV_ prefix)
      return lineError(file, at, 'a quote appears inside an unquoted field; quote the whole field and write "" for the quote.');
    default:
      return lineError(file, at, e.message);
  }
}
