/** The columns an import reads, explained where the user chooses the files (the README says the same). */
export function ImportColumnsHelp() {
  return (
    <details className="import-columns">
      <summary>Which columns the files need</summary>
      <p>
        <strong>Fingertips downloads</strong> are read as downloaded from fingertips.phe.org.uk (any of its header spellings). An empty
        Value is kept as missing with its note, never as 0.
      </p>
      <p>
        <strong>Tidy CSV</strong>: one row per indicator, area, breakdown and period. Header names ignore case, spaces and underscores; other
        columns are ignored.
      </p>
      <table>
        <caption>Tidy CSV columns</caption>
        <thead>
          <tr>
            <th scope="col">Column</th>
            <th scope="col">Needed?</th>
            <th scope="col">Notes</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <td>indicator_id, indicator_name, area_code, area_name, period, value</td>
            <td>Required</td>
            <td>An empty value is missing (say why in value_note)</td>
          </tr>
          <tr>
            <td>sex, age</td>
            <td>Optional</td>
            <td>Default Persons, All ages</td>
          </tr>
          <tr>
            <td>category_type, category</td>
            <td>Optional</td>
            <td>e.g. Ethnic groups, Black British</td>
          </tr>
          <tr>
            <td>lower_ci, upper_ci</td>
            <td>Optional</td>
            <td>95% limits; without them a CI is worked out from count and denominator</td>
          </tr>
          <tr>
            <td>count, denominator, unit, value_note, area_type, parent_code, period_sortable</td>
            <td>Optional</td>
            <td>unit (%, per 100,000) sets the value type when no metadata does</td>
          </tr>
        </tbody>
      </table>
      <p>
        <strong>Metadata CSV</strong> (one row per indicator; an empty cell keeps what the library has): indicator_id (required), unit,
        polarity (high-is-good, low-is-good, no-judgement), value_type (proportion, rate, count, other), multiplier (required for a rate),
        definition, source, illustrative (yes for values that are not official statistics).
      </p>
    </details>
  );
}
