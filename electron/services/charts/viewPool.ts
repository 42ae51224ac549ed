import type { Runtime, View } from 'vega';

/**
 * Views of a cached vega runtime (renderSvg.ts) kept for the next chart of the same structure, so
 * vega does not build the dataflow again for every chart: one chart at a time per View (a View in
 * use is out of the pool; a render that failed finalizes its View instead of giving it back).
 * Before a reuse the View's size is put back to where a fresh View starts, because autosize starts
 * from the last chart's layout otherwise (its axis labels' widths).
 */
export interface PooledView<L> {
  view: View;
  logger: L;
  attempts: string[];
  /** Puts back the size a fresh View starts from. */
  reset: () => void;
}

/** vega's View keeps its laid-out size in these (vega-view initializeResize / resizeView). */
type Sized = View & { _width: number; _height: number; _viewWidth: number; _viewHeight: number; _origin: [number, number]; _resize: number; _autosize: number };

export function pooledView<L>(view: View, logger: L, attempts: string[]): PooledView<L> {
  const v = view as Sized;
  const width = v.width();
  const height = v.height();
  const padding = v.padding();
  const state = { _width: v._width, _height: v._height, _viewWidth: v._viewWidth, _viewHeight: v._viewHeight };
  const reset = () => {
    v.width(width).height(height).padding(padding);
    Object.assign(v, state, { _origin: [0, 0], _resize: 0, _autosize: 1 });
  };
  return { view, logger, attempts, reset };
}

const idle = new WeakMap<Runtime, PooledView<unknown>[]>();

/** A free View of this runtime, reset to a fresh View's size (undefined: none free). */
export function takeIdleView<L>(runtime: Runtime): PooledView<L> | undefined {
  const v = idle.get(runtime)?.pop() as PooledView<L> | undefined;
  v?.reset();
  return v;
}

/** A View whose render finished cleanly, free for the next chart of its runtime. */
export function giveBackView<L>(runtime: Runtime, v: PooledView<L>): void {
  const list = idle.get(runtime) ?? [];
  list.push(v as PooledView<unknown>);
  idle.set(runtime, list);
}
