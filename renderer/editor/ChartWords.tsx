import type { Figure } from '../../shared/charts/figure';

/** The words under a chart on screen: its text summary, caption, source line and data table (as in the export). */
export function ChartWords({ figure }: { figure: Figure }) {
  const { table } = figure;
  return (
    <>
      <p className="chart-summary">{figure.summary}</p>
      {figure.caption && <p className="chart-caption">{figure.caption}</p>}
      <p className="chart-source">{figure.illustrativeNote ? `${figure.source} ${figure.illustrativeNote}` : figure.source}</p>
      <details className="chart-table">
        <summary>Data table</summary>
        <table>
          <caption>{table.caption}</caption>
          <thead>
            <tr>
              {table.columns.map((c, i) => (
                <th key={i} scope="col">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row, r) => (
              <tr key={r}>
                {row.map((cell, i) => (i === 0 ? <th key={i} scope="row">{cell}</th> : <td key={i}>{cell}</td>))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </>
  );
}
