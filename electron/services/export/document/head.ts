import { EXPORT_CSS } from '../styles';
import type { El, ElementBuilder } from './dom';

/** The Content-Security-Policy the file carries: nothing runs, nothing is fetched. */
export const EXPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

/** The document's <head>: charset, viewport, generator, title and the export's style sheet. */
export function fillHead(el: ElementBuilder, head: El, title: string): void {
  head.append(el('meta', { charset: 'utf-8' }));
  head.append(el('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }));
  head.append(el('meta', { name: 'generator', content: 'JSNA Studio' }));
  head.append(el('title', {}, title));
  head.append(el('style', {}, EXPORT_CSS));
}

/** Nothing may run or load, whatever the file is opened with: say so in the file itself. */
export function withCsp(html: string): string {
  return html.replace(/<head>/i, `<head><meta http-equiv="Content-Security-Policy" content="${EXPORT_CSP}">`);
}
