/**
 * Headless chart rendering for export: vega-lite spec (from shared/charts) → accessible static SVG.
 *
 * The same vega setup as on screen (shared/charts/vegaSetup.ts): vega's parser runs with `ast: true`
 * and expressions are evaluated by vega-interpreter (no `new Function`/eval), the loader refuses
 * everything (load, sanitize, http, file) — specs must embed their data — and numbers are en-GB. A spec that tries to load anything is rejected, not drawn empty.
 *
 * Speed: compiling (vega-lite) and parsing (vega) cost most of a render. Charts of the same kind and
 * shape differ only in their data, title and description, so those are taken out of the spec and the
 * parsed runtime is cached under the rest (the "structure"); each render then sets the data and title
 * on a View of that runtime left from an earlier chart (one chart at a time per View; a new View
 * when none is free), which saves vega re-building the dataflow for every chart. The output is
 * byte-identical to an uncached render on a fresh View (tests hold this).
 *
 * vega and vega-lite are ESM with top-level await, so they are loaded with import() — a static import
 * would become require() in the CommonJS bundles (CLI, browser-mode server) and fail there.
 */
import type { Runtime, Spec as VegaSpec, View } from 'vega';
import type { TopLevelSpec } from 'vega-lite';
import { ChartLoadRefused, VEGA_PARSE_OPTIONS, vegaViewOptions } from '../../../shared/charts/vegaSetup';
import { vegaTextWidth } from './fontMetrics';
import { activeSvgParts } from './staticSvg';
import { giveBackView, type PooledView, pooledView, takeIdleView } from './viewPool';

type VegaModule = typeof import('vega');
type VegaLiteModule = typeof import('vega-lite');
type InterpreterModule = typeof import('vega-interpreter');

interface Modules {
  vega: VegaModule;
  vegaLite: VegaLiteModule;
  expressionInterpreter: InterpreterModule['expressionInterpreter'];
}

let modules: Promise<Modules> | null = null;

function loadModules(): Promise<Modules> {
  modules ??= Promise.all([import('vega'), import('vega-lite'), import('vega-interpreter')]).then(([vega, vegaLite, interp]) => {
    // Without node-canvas vega guesses 0.8 em per character; measure with Arial's widths instead.
    const metrics = (vega as unknown as { textMetrics?: { width: unknown; estimateWidth: unknown } }).textMetrics;
    if (metrics !== undefined && metrics.width === metrics.estimateWidth) metrics.width = vegaTextWidth;
    return { vega, vegaLite, expressionInterpreter: interp.expressionInterpreter };
  });
  return modules;
}

export class ChartRenderError extends Error {
  override name = 'ChartRenderError';
}

export interface RenderOptions {
  /** Reuse parsed runtimes of specs with the same structure (default true). */
  cache?: boolean;
}

/** Collects what vega and vega-lite would print, instead of printing it. */
interface CollectingLogger {
  level(): number;
  level(n: number): CollectingLogger;
  error(...args: readonly unknown[]): CollectingLogger;
  warn(...args: readonly unknown[]): CollectingLogger;
  info(...args: readonly unknown[]): CollectingLogger;
  debug(...args: readonly unknown[]): CollectingLogger;
  warnings: string[];
  errors: string[];
}

function collectingLogger(): CollectingLogger {
  let level = 2; // Warn
  const text = (args: readonly unknown[]) => args.map((a) => (a instanceof Error ? a.message : String(a))).join(' ');
  const logger: CollectingLogger = {
    warnings: [],
    errors: [],
    level(n?: number) {
      if (n === undefined) return level as never;
      level = n;
      return logger as never;
    },
    error(...args) {
      logger.errors.push(text(args));
      return logger;
    },
    warn(...args) {
      logger.warnings.push(text(args));
      return logger;
    },
    info() {
      return logger;
    },
    debug() {
      return logger;
    },
  } as CollectingLogger;
  return logger;
}

// -------------------------------------------------------------------------------------------------
// Splitting a spec into its structure (cached) and its per-chart parts (data, title, description).

const DATA_PREFIX = '__jsna_data_';
const TITLE_SIGNAL = '__jsna_title';
const SUBTITLE_SIGNAL = '__jsna_subtitle';
const TITLE_PLACEHOLDER = '\u0000title';
const SUBTITLE_PLACEHOLDER = '\u0000subtitle';

type Json = Record<string, unknown>;

interface SplitSpec {
  structure: TopLevelSpec;
  datasets: [string, unknown[]][];
  title: unknown;
  subtitle: unknown;
  description: string;
}

const isObject = (x: unknown): x is Json => typeof x === 'object' && x !== null && !Array.isArray(x);

/** Replace inline `data.values` arrays (top level and nested views) with named data sets. */
function extractData(node: Json, datasets: [string, unknown[]][]): Json {
  const out: Json = { ...node };
  if (isObject(node.data) && Array.isArray(node.data.values)) {
    const { values, ...rest } = node.data as Json & { values: unknown[] };
    const name = typeof rest.name === 'string' ? rest.name : `${DATA_PREFIX}${datasets.length}`;
    datasets.push([name, values]);
    out.data = { ...rest, name };
  }
  for (const key of ['layer', 'concat', 'hconcat', 'vconcat'] as const) {
    const children = node[key];
    if (Array.isArray(children)) out[key] = children.map((c) => (isObject(c) ? extractData(c, datasets) : c));
  }
  if (isObject(node.spec)) out.spec = extractData(node.spec, datasets);
  return out;
}

function splitSpec(spec: TopLevelSpec): SplitSpec {
  const datasets: [string, unknown[]][] = [];
  const structure = extractData(spec as unknown as Json, datasets);
  const description = typeof structure.description === 'string' ? structure.description : '';
  delete structure.description;
  delete structure.usermeta;
  let title: unknown = null;
  let subtitle: unknown = null;
  if (typeof structure.title === 'string' || Array.isArray(structure.title)) {
    title = structure.title;
    structure.title = { text: TITLE_PLACEHOLDER };
  } else if (isObject(structure.title) && (typeof structure.title.text === 'string' || Array.isArray(structure.title.text))) {
    const t: Json = { ...structure.title };
    title = t.text;
    t.text = TITLE_PLACEHOLDER;
    if (typeof t.subtitle === 'string' || Array.isArray(t.subtitle)) {
      subtitle = t.subtitle;
      t.subtitle = SUBTITLE_PLACEHOLDER;
    }
    structure.title = t;
  }
  return { structure: structure as unknown as TopLevelSpec, datasets, title, subtitle, description };
}

/** Point the compiled title's text/subtitle at signals, so one runtime serves every title. */
function parameteriseTitle(vg: VegaSpec): void {
  const spec = vg as unknown as Json;
  const title = spec.title;
  if (!isObject(title)) return;
  const signals = (Array.isArray(spec.signals) ? spec.signals : []) as Json[];
  if (title.text === TITLE_PLACEHOLDER) {
    title.text = { signal: TITLE_SIGNAL };
    signals.push({ name: TITLE_SIGNAL, value: '' });
  }
  if (title.subtitle === SUBTITLE_PLACEHOLDER) {
    title.subtitle = { signal: SUBTITLE_SIGNAL };
    signals.push({ name: SUBTITLE_SIGNAL, value: '' });
  }
  spec.signals = signals;
}

// -------------------------------------------------------------------------------------------------
// The cache of parsed runtimes.

const CACHE_LIMIT = 200;
const cache = new Map<string, Runtime>();
const stats = { hits: 0, misses: 0 };

export function chartCacheStats(): { size: number; hits: number; misses: number } {
  return { size: cache.size, ...stats };
}

export function clearChartCache(): void {
  cache.clear();
  stats.hits = 0;
  stats.misses = 0;
}

/** vega-lite → vega, collecting vega-lite's warnings instead of printing them. */
export async function compileChartSpec(spec: TopLevelSpec): Promise<{ spec: VegaSpec; warnings: string[] }> {
  const { vegaLite } = await loadModules();
  const logger = collectingLogger();
  const compiled = vegaLite.compile(spec, { logger: logger as never }).spec;
  return { spec: compiled, warnings: logger.warnings };
}

async function runtimeFor(split: SplitSpec, useCache: boolean): Promise<Runtime> {
  const { vega, vegaLite } = await loadModules();
  const key = useCache ? JSON.stringify(split.structure) : '';
  if (useCache) {
    const hit = cache.get(key);
    if (hit !== undefined) {
      stats.hits += 1;
      cache.delete(key); // keep most recently used last
      cache.set(key, hit);
      return hit;
    }
    stats.misses += 1;
  }
  const compiled = vegaLite.compile(split.structure, { logger: collectingLogger() as never }).spec;
  parameteriseTitle(compiled);
  const runtime = vega.parse(compiled, undefined, VEGA_PARSE_OPTIONS);
  if (useCache) {
    cache.set(key, runtime);
    if (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  }
  return runtime;
}

const escapeAttribute = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** One image for assistive technology: role="img", the spec's description as its label. */
function makeAccessible(svg: string, label: string): string {
  const open = /^<svg\b[^>]*>/.exec(svg);
  if (open === null) throw new ChartRenderError('vega produced no <svg> element');
  const tag = open[0]
    .replace(/\s(?:role|aria-label|aria-roledescription|aria-hidden)="[^"]*"/g, '')
    .replace(/^<svg/, `<svg role="img" aria-label="${escapeAttribute(label)}"`);
  return tag + svg.slice(open[0].length);
}

/**
 * Nothing active or remote may come out of a chart (export sanitises again; this fails loudly first).
 * Read tag by tag (staticSvg.ts), so hostile text that vega escaped into an attribute or a label is
 * text, not a handler.
 */
function assertStatic(svg: string): void {
  const active = activeSvgParts(svg);
  if (active.length) throw new ChartRenderError(`Chart SVG contains script, event handlers, images or links (${active.slice(0, 3).join(', ')})`);
}

function newView(vega: VegaModule, expressionInterpreter: Modules['expressionInterpreter'], runtime: Runtime): PooledView<CollectingLogger> {
  const logger = collectingLogger();
  const { options: viewOptions, attempts } = vegaViewOptions(vega, expressionInterpreter, { renderer: 'none', logger: logger as never });
  return pooledView(new vega.View(runtime, viewOptions), logger, attempts);
}

/** Render a vega-lite spec to a static, accessible SVG string. Rejects if the spec tries to load anything. */
export async function renderChartSvg(spec: TopLevelSpec, options: RenderOptions = {}): Promise<string> {
  const { vega, expressionInterpreter } = await loadModules();
  const split = splitSpec(spec);
  const useCache = options.cache ?? true;
  const runtime = await runtimeFor(split, useCache);
  const pooled = (useCache ? takeIdleView<CollectingLogger>(runtime) : undefined) ?? newView(vega, expressionInterpreter, runtime);
  const { view, logger, attempts } = pooled;
  logger.warnings.length = 0;
  let clean = false;
  try {
    if (split.title !== null) view.signal(TITLE_SIGNAL, split.title);
    if (split.subtitle !== null) view.signal(SUBTITLE_SIGNAL, split.subtitle);
    // Copies: vega marks ingested objects with tuple ids; the caller's spec stays untouched.
    for (const [name, values] of split.datasets) view.data(name, values.map((v) => (isObject(v) ? { ...v } : v)));
    const svg = await view.toSVG().catch((e: unknown) => {
      throw e instanceof ChartLoadRefused ? new ChartRenderError(e.message) : e;
    });
    if (attempts.length > 0) throw new ChartRenderError(`Chart specs may not load anything; refused: ${attempts.join(', ')}`);
    if (logger.errors.length > 0) throw new ChartRenderError(`Chart render failed: ${logger.errors.join('; ')}`);
    const out = makeAccessible(svg, split.description || (typeof split.title === 'string' ? split.title : 'Chart'));
    assertStatic(out);
    clean = true;
    return out;
  } finally {
    if (clean && useCache) giveBackView(runtime, pooled);
    else view.finalize();
  }
}
