import type { TextFileFacts, TextFileToRead } from '../text/decodeText';
import { openText } from '../text/readTextOnce';
import { readCsvRecords } from './csvRecords';
import { looksLikeFingertips, normaliseHeader } from './fingertipsColumns';
import { lineError } from './lineError';
import { fingertipsRowReader } from './parseFingertips';
import type { ParsedRow } from './parsedRow';
import { looksLikeTidy, tidyRowReader } from './parseTidy';

export type DataFormat = 'fingertips' | 'tidy';

/** Takes the checked rows of one chunk (~32 KB) of a file, in file order. Throwing stops the read. */
/** `givesCIs`: the file has a 95% CI column, so a row without a CI is one the publisher gave without one. */
export type RowSink = (rows: ParsedRow[], fingertips: boolean, bytesRead: number, givesCIs: boolean) => void;

/** Does the header have a lower 95% CI column (any spelling)? */
function hasCiColumn(header: string[]): boolean {
  return header.some((h) => /^lower.*95|^lowerci$|^lcl95?$/.test(normaliseHeader(h)));
}

/** A column only a Fingertips download has: a tidy file's period is "period", its CIs "lower_ci"/"upper_ci". */
function hasFingertipsOnlyColumn(header: string[]): boolean {
  const n = new Set(header.map(normaliseHeader));
  return n.has('timeperiod') || n.has('timeperiodsortable') || n.has('lowerci950limit') || n.has('upperci950limit');
}

/** Picks the reader for a file from its header (or the format the user chose). */
function rowReader(header: string[], file: string, line: number, format: DataFormat | undefined): { read: (f: string[], line: number) => ParsedRow; fingertips: boolean; givesCIs: boolean } {
  const tidyHeader = looksLikeTidy(header);
  // A tidy header may have area_type (one of its own optional columns), which with indicator_name
  // looksLikeFingertips takes for Fingertips' "Area Type": such a header is Fingertips' only with a
  // column no tidy file has.
  const fingertipsHeader = looksLikeFingertips(header) && (!tidyHeader || hasFingertipsOnlyColumn(header));
  // The Fingertips reader takes a tidy header's required columns (indicator_id, …, period, value) by
  // their aliases but not lower_ci/upper_ci or unit, and credits the values to OHID Fingertips: a tidy
  // file forced as Fingertips would lose its CIs and its unit and be recorded as what it is not.
  if (format === 'fingertips' && tidyHeader && !fingertipsHeader) {
    throw lineError(
      file,
      line,
      'not a Fingertips data file: the header is a tidy indicator file\'s (indicator_id, indicator_name, area_code, area_name, period, value, …), but --format fingertips was chosen. ' +
        'Import it with --format tidy (or without --format). If it is a Fingertips download, its period column should be "Time period".',
    );
  }
  const chosen = format ?? (fingertipsHeader ? 'fingertips' : tidyHeader ? 'tidy' : null);
  if (chosen === 'fingertips') return { read: fingertipsRowReader(header, file, line), fingertips: true, givesCIs: hasCiColumn(header) };
  // An analyst's tidy CSV is not a publisher's: its CIs are computed where a row has none.
  if (chosen === 'tidy') return { read: tidyRowReader(header, file, line), fingertips: false, givesCIs: false };
  throw lineError(
    file,
    line,
    'the header is neither a Fingertips download (Indicator ID, Indicator Name, Area Code, Area Name, Time period, Value, …) nor a tidy indicator file (indicator_id, indicator_name, area_code, area_name, period, value, …).',
  );
}

/**
 * Reads one data file (Fingertips or tidy, as its header says unless `format` is given) in one pass
 * (a file not yet inspected is hashed and its encoding found as it is read), returning its facts:
 * every record
 * checked into a {@link ParsedRow}, handed to `sink` a chunk at a time; `afterChunk` is awaited after
 * each chunk (progress, cancelling, flow control). Runs on the main thread or in the import worker.
 * Errors come in file order: the rows before a bad record reach the sink before its error is thrown,
 * so a problem the sink finds (a repeated row) on an earlier line is the one reported.
 */
export async function readDataFile(
  facts: TextFileFacts | TextFileToRead,
  format: DataFormat | undefined,
  sink: RowSink,
  afterChunk?: () => Promise<void> | void,
): Promise<TextFileFacts> {
  const text = openText(facts);
  const bytesRead = text.bytesRead;
  let reader: ReturnType<typeof rowReader> | null = null;
  let batch: ParsedRow[] = [];
  let rows = 0;
  const flush = () => {
    if (batch.length === 0) return;
    const b = batch;
    batch = [];
    rows += b.length;
    sink(b, reader!.fingertips, bytesRead(), reader!.givesCIs);
  };
  await readCsvRecords(
    text.chunks,
    facts.name,
    (fields, line) => {
      if (reader === null) {
        reader = rowReader(fields, facts.name, line, format);
        return;
      }
      let row: ParsedRow;
      try {
        row = reader.read(fields, line);
      } catch (e) {
        flush();
        throw e;
      }
      batch.push(row);
    },
    async () => {
      flush();
      if (afterChunk) await afterChunk();
    },
  );
  flush();
  if (reader === null) throw lineError(facts.name, 1, 'the file is empty.');
  if (rows === 0) throw lineError(facts.name, 2, 'the file has a header but no data rows.');
  return text.facts();
}
