import { availableParallelism } from 'node:os';
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

/**
 * The pictures of the drawn figures, by number. Their PNG fallbacks are rasterised a few at a time
 * (one per core: each holds its pixels until encoded) off this thread, and once per distinct SVG
 * (a chart repeated in the document has the same picture, which Word stores once anyway).
 */
export async function wordImagesOf(figures: readonly DrawnFigure[], pngWidthPx: number): Promise<Map<number, WordImage>> {
  const pngs = new Map<string, Promise<Buffer>>();
  const queue: (() => void)[] = [];
  let running = 0;
  const slots = Math.max(1, availableParallelism());
  const limited = (work: () => Promise<Buffer>) =>
    new Promise<Buffer>((resolve, reject) => {
      const start = () => {
        running += 1;
        work()
          .then(resolve, reject)
          .finally(() => {
            running -= 1;
            queue.shift()?.();
          });
      };
      if (running < slots) start();
      else queue.push(start);
    });
  const images = figures.map((f) => {
    const xml = svgAsXml(f.svg);
    const { width, height } = sizeOf(/^<svg\b[^>]*>/.exec(xml)![0]);
    const pngWidth = Math.min(width, pngWidthPx);
    const key = `${pngWidth} ${xml}`;
    let png = pngs.get(key);
    if (!png) {
      pngs.set(key, (png = limited(() => svgToPng(xml, pngWidth))));
      png.catch(() => undefined); // awaited below; a failure surfaces there
    }
    return { number: f.number, svg: Buffer.from(xml, 'utf8'), png, width, height };
  });
  const out = new Map<number, WordImage>();
  for (const i of images) out.set(i.number, { svg: i.svg, png: await i.png, width: i.width, height: i.height });
  return out;
}
