/**
 * The exported document's one stylesheet (inline in <head>: the file is self-contained). Screen:
 * a readable single column, GOV.UK-like type and colours with AA contrast. Print (the PDF, and a
 * reader printing the HTML): A4, chapters on new pages, figures kept whole, data tables shown,
 * link targets not printed. Colours in charts print exactly (significance fills carry meaning,
 * though never alone: the words are always there too).
 */
// No "<" anywhere in here: DOMPurify drops a <style> whose text looks like markup.
export const EXPORT_CSS = `
:root { color-scheme: light; }
html { font-size: 100%; }
body { font-family: Arial, "Helvetica Neue", Helvetica, sans-serif; color: #0b0c0c; background: #ffffff; line-height: 1.5; margin: 0; }
.page { max-width: 46rem; margin: 0 auto; padding: 1.5rem 1.25rem 4rem; }
a { color: #1d70b8; text-decoration: underline; text-underline-offset: 0.15em; }
a:visited { color: #4c2c92; }
a:focus { outline: 3px solid #ffdd00; outline-offset: 0; background: #ffdd00; color: #0b0c0c; }
h1, h2, h3, h4, h5, h6 { line-height: 1.25; margin: 1.6em 0 0.5em; }
h1 { font-size: 2.25rem; margin-top: 0; }
h2 { font-size: 1.6rem; }
h3 { font-size: 1.25rem; }
h4 { font-size: 1.1rem; }
h5, h6 { font-size: 1rem; }
p, ul, ol, table, blockquote, pre { margin: 0 0 1em; }
blockquote { border-left: 5px solid #b1b4b6; padding-left: 1em; margin-left: 0; }
code, pre { font-family: Consolas, "Courier New", monospace; font-size: 0.95em; }
pre { white-space: pre-wrap; background: #f3f2f1; padding: 0.75em; }
hr { border: 0; border-top: 1px solid #b1b4b6; margin: 2em 0; }

.title-page { border-bottom: 10px solid #1d70b8; padding: 2rem 0 1.5rem; margin-bottom: 2rem; }
.title-page .doc-type { font-size: 1.2rem; font-weight: bold; color: #1d70b8; margin: 0 0 0.5rem; }
.title-page h1 { margin-bottom: 1.5rem; }
.doc-meta { display: grid; grid-template-columns: max-content 1fr; gap: 0.35rem 1.25rem; margin: 0; }
.doc-meta div { display: contents; }
.doc-meta dt { font-weight: bold; }
.doc-meta dd { margin: 0; }

.toc ol { list-style: none; padding-left: 0; }
.toc ol ol { padding-left: 1.5em; margin: 0.2em 0 0.6em; }
.toc li { margin: 0.2em 0; }
.figure-list ol { padding-left: 0; list-style: none; }
.figure-list li { margin: 0.15em 0; }
/* Page numbers exist only on paper (written into the print, see pdfContents.ts); a fixed width, so what a slot holds moves nothing. */
.toc-page { display: none; }

.chapter { margin-top: 3rem; }
.chapter > h2 { border-bottom: 3px solid #1d70b8; padding-bottom: 0.25rem; }

.recommendation { border-left: 5px solid #1d70b8; background: #f3f7fb; padding: 0.5em 0.9em; margin: 0 0 1em; }
.recommendation p { margin: 0; }
.recommendation.needs-owner { border-left-color: #6f777b; background: #f3f2f1; }
.partner-tags { font-weight: bold; white-space: nowrap; }

table { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
caption { text-align: left; font-weight: bold; padding: 0.3em 0; }
th, td { border: 1px solid #b1b4b6; padding: 0.3em 0.5em; text-align: left; vertical-align: top; }
thead th { background: #f3f2f1; }
tbody th { font-weight: normal; }

.chart-figure { margin: 2rem 0; padding: 0; }
.chart-figure figcaption { font-weight: bold; font-size: 1.1rem; margin: 0 0 0.6rem; }
.figure-label { color: #1d70b8; }
.chart-image svg { display: block; max-width: 100%; height: auto; }
.chart-caption { margin: 0.6rem 0 0.4rem; }
.chart-summary { margin: 0.6rem 0; }
.chart-data { margin: 0.6rem 0; }
.chart-data summary { color: #1d70b8; text-decoration: underline; cursor: pointer; }
.chart-data table { margin-top: 0.5rem; }
.chart-source { font-size: 0.9rem; color: #505a5f; margin: 0.4rem 0 0; }
.illustrative { display: inline-block; font-weight: bold; color: #0b0c0c; background: #ffdd00; padding: 0 0.3em; }
.chart-unavailable { border: 2px dashed #6f777b; padding: 0.75em 1em; margin: 1.5rem 0; }
.chart-unavailable p { margin: 0; }

.appendix h3 { margin-top: 1.8em; }
.partner-recs li { margin: 0 0 0.5em; }
.rec-where { color: #505a5f; }

@page { size: A4; margin: 20mm 17mm 20mm 17mm; }
@media print {
  body { font-size: 10.5pt; }
  .page { max-width: none; margin: 0; padding: 0; }
  a, a:visited { color: #0b0c0c; }
  .title-page { break-after: page; border-bottom-width: 6px; padding-top: 30mm; }
  .toc, .figure-list { break-after: page; }
  /* Never kerned (Liberation Sans 2 kerns "11"): the one print writes the digits in where the placeholder's were, unkerned, so a number must look the same printed (pdfContents.ts). */
  .toc-page { display: block; float: right; width: 3em; margin-left: 1em; text-align: right; font-kerning: none; font-variant-numeric: tabular-nums; }
  .toc li, .figure-list li { display: flow-root; }
  .chapter { break-before: page; margin-top: 0; }
  .appendix { break-before: page; }
  h1, h2, h3, h4, h5, h6, caption { break-after: avoid; }
  .figure-main { break-inside: avoid; }
  .chart-figure figcaption { break-after: avoid; }
  .recommendation, tr { break-inside: avoid; }
  thead { display: table-header-group; }
  /* The data tables are printed: a closed details element shows its content on paper (Chromium 131+). */
  details::details-content { content-visibility: visible; display: block; }
  /* On paper the table's own caption ("Data for Figure 3: …") says what the summary line would. */
  .chart-data summary { display: none; }
  /* Data tables fit the page width, so Chromium never shrinks every page to fit one table: long words
     ("Aggregated from all known lower geography values" in a narrow column) may break as a last resort,
     tables of 9+ columns are set smaller, and wide ones (a spine chart's has 14 columns) smaller still. */
  .chart-data :is(th, td) { overflow-wrap: anywhere; }
  .chart-data table:has(th:nth-child(9)) { font-size: 8pt; }
  .chart-data table:has(th:nth-child(9)) :is(th, td) { padding: 0.2em 0.3em; hyphens: auto; }
  .chart-data table:has(th:nth-child(12)) { font-size: 7pt; }
  .chart-data table:has(th:nth-child(12)) :is(th, td) { padding: 0.2em 0.25em; hyphens: auto; }
  /* The source and data date stay whole, and with the table they belong to. */
  .chart-source { break-inside: avoid; break-before: avoid; }
  .recommendation, .illustrative, thead th, .chart-image svg { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}
`;
