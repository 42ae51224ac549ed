import { AppError } from '../../../../shared/api/errors';
import type { DrawnFigure } from '../figures';
import type { WordImage } from './figure';
import { svgToPng } from './png';
import { xmlChars } from './text';

/**
 * A drawn figure's sanitised SVG (an HTML fragment, as it goes into the HTML export) as a
 * standalone SVG file for Word: the SVG namespace on its root, HTML's &nbsp; as a character
 * reference XML knows, the HTML-only ARIA wiring (it points at ids in the HTML) dropped. Its PNG
 * fallback is rasterised from that same file.
 */
export function svgAsXml(svg: string): string {
  const open = /^<svg\b[^>]*>/.exec(svg);
  if (!open) throw new AppError('INTERNAL', 'A figure has no <svg> element.');
  let tag = open[0].replace(/\s(?:role|aria-[a-z]+)="[^"]*"/g, '');
  if (!/\sxmlns="/.test(tag)) tag = tag.replace(/^<svg/, '<svg xmlns="http://www.w3.org/2000/svg"');
  // XML forbids a raw < in an attribute value (HTML and vega allow it).
  const body = (tag + svg.slice(open[0].length)).replace(/="([^"]*)"/g, (_m, v: string) => `="${v.replace(/</g, '&lt;')}"`);
  return xmlChars(body.replace(/&nbsp;/g, '&#160;'));
}

function sizeOf(svgTag: string): { width: number; height: number } {
  const num = (name: string) => Number(new RegExp(`\\s${name}="([\\d.]+)`).exec(svgTag)?.[1] ?? NaN);
  const width = num('width');
  const height = num('height');
  if (Number.isFinite(width) && Number.isFinite(height) && width > 0 && height > 0) return { width, height };
  const box = /\sviewBox="[\d.-]+ [\d.-]+ ([\d.]+) ([\d.]+)"/.exec(svgTag);
  return { width: Number(box?.[1] ?? 600), height: Number(box?.[2] ?? 400) };
}

export function wordImageOf(f: DrawnFigure, pngWidthPx: number): WordImage {
  const xml = svgAsXml(f.svg);
  const { width, height } = sizeOf(/^<svg\b[^>]*>/.exec(xml)![0]);
  return { svg: Buffer.from(xml, 'utf8'), png: svgToPng(xml, Math.min(width, pngWidthPx)), width, height };
}
