/**
 * The look every chart shares: accessible font sizes, colours with enough contrast, and the
 * Fingertips significance palette (always paired with words, never colour alone).
 */
import type { Config, TopLevelSpec } from 'vega-lite';
import { cleanText, wrapText } from './format';
import type { ChartKind, ChartOptions } from './types';

export const FONT = 'Arial, Helvetica, sans-serif';
/** Dark grey for text: 12.6:1 on white. */
export const TEXT_COLOUR = '#1a1a1a';
/** Outline drawn round every significance-coloured shape, so the shape is perceivable (≥ 3:1) whatever its fill. */
export const OUTLINE_COLOUR = '#1a1a1a';
/** Axis lines and ticks: 7:1 on white. */
export const AXIS_COLOUR = '#595959';
/** The England benchmark line. */
export const ENGLAND_COLOUR = '#000000';
/** Dash pattern of the England line (trend) and benchmark rule (bars). */
export const ENGLAND_DASH: [number, number] = [6, 4];
/** The area's own overall value on the inequality chart. */
export const OVERALL_COLOUR = '#1F4E79';
/**
 * Lines for the selected area(s) and other comparators, in order. Every colour has ≥ 3:1 contrast on
 * white (1F4E79 8.7:1, 7B3294 7.7:1, B35806 4.9:1, 1B7837 5.5:1), and lines differ by dash too.
 */
export const SERIES_COLOURS = ['#1F4E79', '#7B3294', '#B35806', '#1B7837'] as const;
export const SERIES_DASHES: number[][] = [[], [2, 2], [8, 3, 2, 3], [1, 3]];

export const LABEL_FONT_SIZE = 12;
export const TITLE_FONT_SIZE = 16;

/** WCAG relative luminance of "#rrggbb". */
function luminance(hex: string): number {
  const h = hex.replace('#', '');
  const channel = (i: number) => {
    const c = parseInt(h.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4);
}

/** WCAG contrast ratio of two "#rrggbb" colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** The shared vega-lite config: ≥ 11 px everywhere (12 px labels), dark text, no ARIA noise inside the image. */
export function chartConfig(): Config {
  return {
    font: FONT,
    background: '#ffffff',
    padding: 8,
    // The SVG is one image (role="img") whose aria-label is the spec's description, and a data
    // table and text summary follow it: per-mark ARIA would only repeat them, noisily.
    aria: false,
    view: { stroke: null },
    title: {
      fontSize: TITLE_FONT_SIZE,
      fontWeight: 'bold',
      color: TEXT_COLOUR,
      subtitleFontSize: LABEL_FONT_SIZE,
      subtitleColor: TEXT_COLOUR,
      anchor: 'start',
      offset: 12,
    },
    axis: {
      labelFontSize: LABEL_FONT_SIZE,
      titleFontSize: 13,
      labelColor: TEXT_COLOUR,
      titleColor: TEXT_COLOUR,
      titleFontWeight: 'bold',
      domainColor: AXIS_COLOUR,
      tickColor: AXIS_COLOUR,
      gridColor: '#e0e0e0',
      labelLimit: 260,
    },
    legend: {
      labelFontSize: LABEL_FONT_SIZE,
      titleFontSize: LABEL_FONT_SIZE,
      labelColor: TEXT_COLOUR,
      titleColor: TEXT_COLOUR,
      orient: 'bottom',
      direction: 'horizontal',
      symbolStrokeColor: OUTLINE_COLOUR,
      symbolStrokeWidth: 1,
      labelLimit: 240,
      titleLimit: 400,
    },
    text: { fontSize: LABEL_FONT_SIZE, color: TEXT_COLOUR, font: FONT },
  };
}

/** A vega-lite layered top-level spec, and one of its layers. */
export type LayeredSpec = Extract<TopLevelSpec, { layer: unknown }>;
export type Layer = LayeredSpec['layer'][number];

export interface FrameInput {
  kind: ChartKind;
  options: ChartOptions;
  /** The sentence(s) a screen reader hears for the image (becomes the SVG's aria-label). */
  summary: string;
  /** Short reading notes drawn under the title ("Shaded band: 95% confidence interval."). */
  notes: string[];
  /** Default total width in pixels. */
  width: number;
  /** Plot height in pixels. */
  height: number;
  values: Record<string, unknown>[];
  layer: Layer[];
  autosize?: LayeredSpec['autosize'];
}

/** Everything every chart has: embedded data, title, description, accessible config, no actions. */
export function frame(input: FrameInput): LayeredSpec {
  const title = cleanText(input.options.title);
  const lead = /[.!?]$/.test(title) || title === '' ? title : `${title}.`;
  const usermeta: Record<string, unknown> = {
    embedOptions: { actions: false },
    jsna: { kind: input.kind, caption: input.options.caption ?? null },
  };
  // Long headlines wrap instead of running off the image (bold title glyphs average ~0.6 em).
  const width = input.options.width ?? input.width;
  const lines = wrapText(title, width / (TITLE_FONT_SIZE * 0.6));
  const text = lines.length > 1 ? lines : title;
  return {
    description: lead === '' ? input.summary : `${lead} ${input.summary}`,
    title: input.notes.length > 0 ? { text, subtitle: input.notes } : { text },
    width,
    height: input.height,
    autosize: input.autosize ?? { type: 'fit-x', contains: 'padding' },
    config: chartConfig(),
    usermeta,
    data: { values: input.values },
    layer: input.layer,
  };
}
