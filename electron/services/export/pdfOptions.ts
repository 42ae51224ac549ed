/**
 * How the PDF is printed, shared by both print engines: Electron's `webContents.printToPDF` in the
 * app (electron/main/exportPdf.ts) and Playwright's `page.pdf()` on Chromium in browser mode and
 * the CLI (./printPdf.ts). A4, margins wide enough for the running header (the document's title)
 * and footer ("Page X of Y"), backgrounds printed, tagged (accessible) with a document outline.
 */
export const PDF_MARGINS_MM = { top: 20, bottom: 20, left: 17, right: 17 } as const;

const templateStyle = `font-family: Arial, Helvetica, sans-serif; font-size: 8pt; color: #505a5f; width: 100%; margin: 0 ${PDF_MARGINS_MM.right}mm 0 ${PDF_MARGINS_MM.left}mm; -webkit-print-color-adjust: exact;`;

/** Chromium fills <span class="title"> with the document's <title> (escaped), so no text goes in here. */
export const PDF_HEADER_TEMPLATE = `<div style="${templateStyle} display: flex; justify-content: space-between; border-bottom: 0.5pt solid #b1b4b6; padding-bottom: 1.5mm;"><span class="title"></span><span>Joint Strategic Needs Assessment</span></div>`;

export const PDF_FOOTER_TEMPLATE = `<div style="${templateStyle} text-align: right;">Page <span class="pageNumber"></span> of <span class="totalPages"></span></div>`;

export const mm = (n: number) => `${n}mm`;
/** Electron's printToPDF takes margins in inches. */
export const inches = (n: number) => n / 25.4;
