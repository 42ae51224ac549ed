import { FINGERTIPS_SOURCE } from '../library/importFiles';
import type { IndicatorMetadataJson } from './schemas';

function cell(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return '';
  const s = String(v).replace(/\r\n?/g, '\n');
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Fingertips' value types ("Crude rate", "Directly standardised rate", "Proportion", …) in the library's terms. */
function valueType(m: IndicatorMetadataJson): { value_type: string; multiplier: number | null } | null {
  const t = (m.ValueType?.Name ?? '').toLowerCase();
  const value = m.Unit?.Value;
  const multiplier = typeof value === 'number' && value > 0 ? value : null;
  if (t.includes('rate') && multiplier !== null) return { value_type: 'rate', multiplier };
  if (t.includes('proportion') || t.includes('percentage')) return { value_type: 'proportion', multiplier: multiplier ?? 100 };
  if (t === 'count') return { value_type: 'count', multiplier: null };
  return null;
}

/**
 * The indicators' metadata from the API as the library's metadata CSV (parseMetadata.ts), so it goes
 * in with the data in the same transaction: unit, value type, definition, source and the publisher's
 * polarity. Empty cells
 * keep what the library has; what the author set stays theirs (the importer's rule).
 */
export function metadataCsv(metadata: Iterable<IndicatorMetadataJson>, polarity: ReadonlyMap<number, string> = new Map()): string {
  const lines = ['indicator_id,unit,value_type,multiplier,definition,source,polarity'];
  for (const m of metadata) {
    const vt = valueType(m);
    const dataSource = m.Descriptive.DataSource?.trim();
    const source = dataSource ? `${dataSource}. Published by ${FINGERTIPS_SOURCE}` : FINGERTIPS_SOURCE;
    lines.push(
      [m.IID, m.Unit?.Label?.trim() || null, vt?.value_type, vt?.multiplier, m.Descriptive.Definition?.trim() || null, source.slice(0, 1000), polarity.get(m.IID)].map(cell).join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}
