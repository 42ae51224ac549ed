import { parse, View, type Loader } from 'vega';
import { expressionInterpreter } from 'vega-interpreter';
import { compile, type TopLevelSpec } from 'vega-lite';

/** Vega may not fetch anything: specs carry their data inline. */
const noLoader = {
  load: () => Promise.reject(new Error('Charts cannot load URLs')),
  sanitize: () => Promise.reject(new Error('Charts cannot load URLs')),
  http: () => Promise.reject(new Error('Charts cannot load URLs')),
  file: () => Promise.reject(new Error('Charts cannot load files')),
} as unknown as Loader;

/**
 * Draws a vega-lite spec as SVG into `container` — with the expression interpreter (no eval, so the
 * strict CSP holds), no loader and no actions menu. The caller names `container` as the image.
 * Returns the view so the caller can finalize it.
 */
export async function renderChart(container: HTMLElement, spec: TopLevelSpec): Promise<View> {
  const runtime = parse(compile(spec).spec, undefined, { ast: true });
  const view = new View(runtime, { expr: expressionInterpreter as never, renderer: 'svg', container, hover: false, loader: noLoader });
  await view.runAsync();
  // The container is the image (role="img", named by the chart's description). Vega still gives its
  // layer groups graphics roles without names; hide the drawing itself from assistive technology.
  container.querySelector('svg')?.setAttribute('aria-hidden', 'true');
  return view;
}
