import { randomBytes } from 'node:crypto';
import { AppError } from '../../../../shared/api/errors';
import type { DrawnFigure } from '../figures';
import type { SlotName } from './figureHtml';

/**
 * Each figure's SVG is sanitised on its own and put into the sanitised document afterwards, where
 * its slot survived. The slots carry a random nonce per export, so no text in the document can
 * pose as a chart's slot.
 */
export interface FigureSlots {
  nonce: string;
  slot: SlotName;
}

export function newFigureSlots(): FigureSlots {
  const nonce = randomBytes(12).toString('hex');
  return { nonce, slot: (n: number) => `${nonce}-${n}` };
}

/** Puts every drawn figure's SVG in its slot, in one pass; an error if any lost its place. */
export function placeFigures(html: string, nonce: string, drawn: readonly DrawnFigure[]): string {
  const svgs = new Map(drawn.map((f) => [String(f.number), f.svg]));
  let placed = 0;
  const out = html.replace(new RegExp(`<div data-jsna-slot="${nonce}-(\\d+)"></div>`, 'g'), (_m, n: string) => {
    const svg = svgs.get(n);
    if (svg === undefined) return '';
    svgs.delete(n);
    placed += 1;
    return svg;
  });
  if (placed !== drawn.length) throw new AppError('INTERNAL', `${drawn.length - placed} figure(s) lost their place while the document was sanitised.`);
  return out;
}
