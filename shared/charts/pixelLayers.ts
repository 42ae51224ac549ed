/**
 * The vega-lite layers of the charts laid out in pixels (basket, spine): each datum says which part
 * it is ('cell', 'box', 'line', …) and where it goes, and scales are off (scale: null), so long text
 * wraps inside its column exactly where the builder put it.
 */
import type { Layer } from './theme';

/** A position in pixels, as given. */
export const pixels = (field: string) => ({ field, type: 'quantitative' as const, scale: null, axis: null });
/** A colour as given ("#rrggbb"). */
export const asGiven = (field: string) => ({ field, type: 'nominal' as const, scale: null, legend: null });

/** Text cells (`lines` drawn one under another) of one weight and alignment. */
export function textLayer(weight: 'bold' | 'normal', align: 'left' | 'center' | 'right', lineHeight: number): Layer {
  return {
    transform: [{ filter: `datum.part === 'cell' && datum.weight === '${weight}' && datum.align === '${align}'` }],
    mark: { type: 'text', align, baseline: 'top', lineHeight, fontWeight: weight, fontSize: 12 },
    encoding: { x: pixels('x'), y: pixels('y'), text: { field: 'lines' }, color: asGiven('colour') },
  };
}

/** Filled and outlined rectangles (x..x2, y..y2). */
export const boxLayer = (): Layer => ({
  transform: [{ filter: "datum.part === 'box'" }],
  mark: { type: 'rect', strokeWidth: 1 },
  encoding: { x: pixels('x'), x2: { field: 'x2' }, y: pixels('y'), y2: { field: 'y2' }, fill: asGiven('fill'), stroke: asGiven('stroke') },
});

/** Rules: horizontal from x to x2 at y, or (with `vertical`) also from y to y2. */
export const lineLayer = (opts: { vertical?: boolean } = {}): Layer => ({
  transform: [{ filter: "datum.part === 'line'" }],
  mark: { type: 'rule', strokeWidth: 1 },
  encoding: { x: pixels('x'), x2: { field: 'x2' }, y: pixels('y'), ...(opts.vertical ? { y2: { field: 'y2' } } : {}), color: asGiven('colour') },
});
