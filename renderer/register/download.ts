/**
 * Saves text as a file from the page: a Blob URL and an <a download>. Works in browser mode and in
 * Electron (which shows its save dialog). Downloads are not governed by the CSP, which only lets
 * blob: URLs load as images. A string holding U+FEFF is written as the UTF-8 BOM.
 */
export function downloadText(filename: string, mimeType: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: mimeType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // Give the browser time to start reading it before the URL goes.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
