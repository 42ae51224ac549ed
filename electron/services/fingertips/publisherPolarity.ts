import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { parsePolarity } from '../library/parseMetadata';

/**
 * The publisher's polarity per indicator, from the API's metadata CSV
 * (indicator_metadata/csv/by_indicator_id: columns "Indicator ID" … "Polarity", e.g. "RAG - Low is
 * good", "BOB - Blue orange blue"). The JSON metadata has no polarity. Text the app does not
 * recognise is left out (the import then infers polarity from the data's Better/Worse labels).
 */
export function readPublisherPolarity(path: string): Map<number, string> {
  const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
  const out = new Map<number, string>();
  for (const row of parsed.data) {
    const id = Number(row['Indicator ID']);
    const polarity = parsePolarity(row.Polarity ?? '');
    if (Number.isInteger(id) && polarity) out.set(id, polarity);
  }
  return out;
}
