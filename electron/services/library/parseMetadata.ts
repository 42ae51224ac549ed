import { COMPARISON_METHODS, type ComparisonMethod } from '../../../shared/library/comparison';
import type { Polarity, ValueType } from '../../../shared/library/types';
import { readCsvRecords } from './csvRecords';
import { inspectTextFile, openTextStream, type TextFileFacts } from '../text/decodeText';
import { normaliseHeader } from './fingertipsColumns';
import { lineError } from './lineError';
import { optionalText, parseNumber } from './parsedRow';

/**
 * The indicator metadata CSV: one row per indicator, saying what a Fingertips file does not.
 * An empty cell means "not given" (the library keeps what it has); header names ignore case,
 * spaces and underscores.
 *
 * | column       | meaning                                                                            |
 * |--------------|------------------------------------------------------------------------------------|
 * | indicator_id | required; must be in the library or in the data files of the same import           |
 * | unit         | e.g. "%", "per 100,000"                                                            |
 * | polarity     | high-is-good, low-is-good or no-judgement (Fingertips' "RAG - High is good",        |
 * |              | "RAG - Low is good", "BOB - Blue orange blue" are understood too)                   |
 * | value_type   | proportion, rate, count or other                                                   |
 * | multiplier   | e.g. 100 for %, 100000 for a rate per 100,000 (required with value_type rate)       |
 * | definition   | what the indicator measures                                                        |
 * | source       | where the data comes from, shown under every chart                                 |
 * | illustrative | yes/no (true/false, 1/0): yes marks values that are not official statistics         |
 * | comparison_method | ci-overlap-95, ci-overlap-99.8, quintiles, goal or not-compared: how to compare     |
 * |              | where the file gives no label (else inferred from the file's labels)               |
 * | compute_for_estimates | yes/no: also compute CIs and comparisons for modelled, aggregated or     |
 * |              | CI-less values (default no: they are not compared)                                 |
 * | goal         | the target value for comparison_method goal                                        |
 */
export interface MetadataEntry {
  line: number;
  indicatorId: string;
  unit?: string;
  polarity?: Polarity;
  valueType?: ValueType;
  multiplier?: number;
  definition?: string;
  source?: string;
  illustrative?: boolean;
  comparisonMethod?: ComparisonMethod;
  computeForEstimates?: boolean;
  goal?: number;
}

const COLUMNS = [
  'indicator_id', 'unit', 'polarity', 'value_type', 'multiplier', 'definition', 'source', 'illustrative', 'comparison_method',
  'compute_for_estimates', 'goal',
] as const;
type MetadataColumn = (typeof COLUMNS)[number];

/** Polarity as written by people and by Fingertips' own metadata; null when not recognised. */
export function parsePolarity(text: string): Polarity | null {
  const t = text.toLowerCase().replace(/[^a-z]/g, '');
  if (/highisgood|^high$|^higherisbetter$/.test(t)) return 'high-is-good';
  if (/lowisgood|^low$|^lowerisbetter$/.test(t)) return 'low-is-good';
  if (/nojudgement|^none$|^notapplicable$|^na$|blueorangeblue|^bob$|^neutral$/.test(t)) return 'no-judgement';
  return null;
}

function parseValueType(text: string): ValueType | null {
  const t = text.trim().toLowerCase();
  if (t === 'proportion' || t === 'percentage' || t === 'percent' || t === '%') return 'proportion';
  if (t === 'rate' || t === 'count' || t === 'other') return t;
  return null;
}

function parseYesNo(text: string): boolean | null {
  const t = text.trim().toLowerCase();
  if (['yes', 'y', 'true', '1'].includes(t)) return true;
  if (['no', 'n', 'false', '0'].includes(t)) return false;
  return null;
}

export interface MetadataFile {
  facts: TextFileFacts;
  entries: Map<string, MetadataEntry>;
}

/** Reads and checks a whole metadata CSV (it is small). */
export async function readMetadataFile(path: string, name = path): Promise<MetadataFile> {
  const facts = await inspectTextFile(path, name);
  const entries = new Map<string, MetadataEntry>();
  let index: Record<MetadataColumn, number> | null = null;
  let header: string[] = [];
  const { stream } = openTextStream(facts);
  await readCsvRecords(stream, name, (fields, line) => {
    if (!index) {
      header = fields;
      index = Object.fromEntries(COLUMNS.map((c) => [c, fields.findIndex((h) => normaliseHeader(h) === normaliseHeader(c))])) as Record<
        MetadataColumn,
        number
      >;
      if (index.indicator_id < 0) throw lineError(name, line, 'not an indicator metadata file: the header lacks the column "indicator_id".');
      if (COLUMNS.every((c) => c === 'indicator_id' || index![c] < 0)) {
        throw lineError(name, line, `not an indicator metadata file: the header has none of the columns ${COLUMNS.slice(1).map((c) => `"${c}"`).join(', ')}.`);
      }
      return;
    }
    const ix = index;
    if (fields.length > header.length) throw lineError(name, line, `the record has ${fields.length} fields but the header has ${header.length}; is a comma missing its quotes?`);
    const cell = (c: MetadataColumn) => (ix[c] >= 0 ? optionalText(fields[ix[c]]) : null);
    const id = cell('indicator_id');
    if (id === null) throw lineError(name, line, 'column "indicator_id" is empty; every row needs one.');
    const earlier = entries.get(id);
    if (earlier) throw lineError(name, line, `indicator ${id} is described twice (first on line ${earlier.line}).`);
    const entry: MetadataEntry = { line, indicatorId: id };
    const unit = cell('unit');
    if (unit !== null) entry.unit = unit;
    const polarity = cell('polarity');
    if (polarity !== null) {
      const p = parsePolarity(polarity);
      if (!p) throw lineError(name, line, `column "polarity": ${JSON.stringify(polarity)} is not one of high-is-good, low-is-good, no-judgement.`);
      entry.polarity = p;
    }
    const valueType = cell('value_type');
    if (valueType !== null) {
      const v = parseValueType(valueType);
      if (!v) throw lineError(name, line, `column "value_type": ${JSON.stringify(valueType)} is not one of proportion, rate, count, other.`);
      entry.valueType = v;
    }
    const multiplier = ix.multiplier >= 0 ? parseNumber(fields[ix.multiplier], 'multiplier', name, line) : null;
    if (multiplier !== null) {
      if (!(multiplier > 0)) throw lineError(name, line, `column "multiplier": ${multiplier} is not a number greater than 0.`);
      entry.multiplier = multiplier;
    }
    if (entry.valueType === 'rate' && entry.multiplier === undefined) {
      throw lineError(name, line, 'value_type "rate" needs a multiplier (e.g. 100000 for a rate per 100,000).');
    }
    if (entry.valueType === 'proportion' && entry.multiplier === undefined) entry.multiplier = 100;
    const definition = cell('definition');
    if (definition !== null) entry.definition = definition;
    const source = cell('source');
    if (source !== null) entry.source = source;
    const illustrative = cell('illustrative');
    if (illustrative !== null) {
      const b = parseYesNo(illustrative);
      if (b === null) throw lineError(name, line, `column "illustrative": ${JSON.stringify(illustrative)} is not yes or no.`);
      entry.illustrative = b;
    }
    const method = cell('comparison_method');
    if (method !== null) {
      const m = COMPARISON_METHODS.find((c) => c === method.toLowerCase());
      if (!m) throw lineError(name, line, `column "comparison_method": ${JSON.stringify(method)} is not one of ${COMPARISON_METHODS.join(', ')}.`);
      entry.comparisonMethod = m;
    }
    const estimates = cell('compute_for_estimates');
    if (estimates !== null) {
      const b = parseYesNo(estimates);
      if (b === null) throw lineError(name, line, `column "compute_for_estimates": ${JSON.stringify(estimates)} is not yes or no.`);
      entry.computeForEstimates = b;
    }
    const goal = ix.goal >= 0 ? parseNumber(fields[ix.goal], 'goal', name, line) : null;
    if (goal !== null) entry.goal = goal;
    entries.set(id, entry);
  });
  if (!index) throw lineError(name, 1, 'the file is empty.');
  return { facts, entries };
}
