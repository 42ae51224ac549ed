import * as vega from 'vega';
import { expressionInterpreter } from 'vega-interpreter';
import { compile, type TopLevelSpec } from 'vega-lite';
import { VEGA_PARSE_OPTIONS, vegaViewOptions } from '../../shared/charts/vegaSetup';

/**
 * Draws a vega-lite spec as SVG into `container`, with the one vega setup (shared/charts/vegaSetup.ts:
 * expression interpreter, no eval, a loader that refuses everything, en-GB) and no actions menu.
 * The caller names `container` as the image. Returns the view so the caller can finalize it.
 */
export async function renderChart(container: HTMLElement, spec: TopLevelSpec): Promise<vega.View> {
  const runtime = vega.parse(compile(spec).spec, undefined, VEGA_PARSE_OPTIONS);
  const { options } = vegaViewOptions(vega, expressionInterpreter, { renderer: 'svg', container, hover: false });
  const view = new vega.View(runtime, options);
  await view.runAsync();
  // The container is the image (role="img", named by the chart's description). Vega still gives its
  // layer groups graphics roles without names; hide the drawing itself from assistive technology.
  container.querySelector('svg')?.setAttribute('aria-hidden', 'true');
  return view;
}
