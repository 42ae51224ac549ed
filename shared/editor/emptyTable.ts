import type { NodeJson } from '../api/chapters';

/** A new table's JSON: `rows` rows of `cols` empty cells, the first row headers. */
export function emptyTable(rows: number, cols: number): NodeJson {
  const row = (cell: string): NodeJson => ({ type: 'tableRow', content: Array.from({ length: cols }, () => ({ type: cell, content: [{ type: 'paragraph' }] })) });
  return { type: 'table', content: Array.from({ length: rows }, (_, i) => row(i === 0 ? 'tableHeader' : 'tableCell')) };
}
