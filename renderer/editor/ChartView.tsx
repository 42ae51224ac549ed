import { NodeViewWrapper, type ReactNodeViewProps } from '@tiptap/react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { chartRefOf, type ChartAttrs } from '../../shared/charts/definition';
import { figureOf } from '../../shared/charts/figure';
import { ChartPanel } from './ChartPanel';
import { ChartWords } from './ChartWords';
import { renderChart } from './renderVega';
import { reviewedNow } from './reviewedNow';
import { useChartData } from './useChartData';
import { useVisible } from './useVisible';

/**
 * A live chart in the editor. Drawn only once scrolled near (off-screen charts cost nothing);
 * redrawn when its settings or the library change; says plainly when there is nothing to draw.
 * Everything it shows comes from `figureOf`, as in the export.
 */
export function ChartView({ node, updateAttributes, editor, selected }: ReactNodeViewProps) {
  const attrs = node.attrs as ChartAttrs;
  const wrapper = useRef<HTMLElement | null>(null);
  const target = useRef<HTMLDivElement | null>(null);
  const visible = useVisible(wrapper);
  const checked = chartRefOf(attrs);
  const result = useChartData(checked.ok ? checked.ref : null, visible && Boolean(attrs.indicatorId || attrs.indicatorIds.length));
  const [drawError, setDrawError] = useState<string | null>(null);
  const [configuring, setConfiguring] = useState(!attrs.indicatorId && !attrs.indicatorIds.length);
  const { title, caption } = attrs;
  // Redrawn when the data, the headline or the caption change (not when it is marked reviewed).
  const figure = useMemo(() => (result?.ok ? figureOf(result, { title, caption }) : null), [result, title, caption]);

  // The first time data arrives, remember its vintage as the one the author has seen.
  useEffect(() => {
    if (result?.ok && result.vintage && attrs.reviewedVintage === null && editor.isEditable) {
      updateAttributes({ reviewedVintage: result.vintage.id });
    }
  }, [result, attrs.reviewedVintage, editor, updateAttributes]);

  useEffect(() => {
    if (!figure || !target.current) return;
    let view: { finalize(): void } | null = null;
    let cancelled = false;
    const spec = figure.spec;
    target.current.setAttribute('role', 'img');
    target.current.setAttribute('aria-label', typeof spec.description === 'string' ? spec.description : figure.title);
    renderChart(target.current, spec).then(
      (v) => {
        if (cancelled) v.finalize();
        else view = v;
        setDrawError(null);
      },
      (e: Error) => setDrawError(e.message),
    );
    return () => {
      cancelled = true;
      view?.finalize();
    };
  }, [figure]);

  /** Settings that change what the chart shows are reviewed now: no "newer data" badge for a choice just made. */
  function change(a: Partial<ChartAttrs>) {
    updateAttributes(a);
    if ('indicatorId' in a || 'indicatorIds' in a || 'kind' in a) void reviewedNow().then((v) => updateAttributes({ reviewedVintage: v }));
  }

  const message = !checked.ok
    ? checked.message
    : !attrs.indicatorId && !attrs.indicatorIds.length
      ? 'Choose an indicator for this chart.'
      : result && !result.ok
        ? result.message
        : drawError;
  return (
    <NodeViewWrapper
      as="figure"
      ref={wrapper}
      className={`chart-figure${selected ? ' selected' : ''}`}
      data-type="chart"
      data-chart-state={!visible ? 'waiting' : message ? 'message' : result?.ok ? 'drawn' : 'loading'}
    >
      <div className="chart-head" contentEditable={false}>
        <span className="chart-label">Chart</span>
        {result?.ok && result.newerThanReviewed && (
          <span className="badge newer" role="status">
            Newer data since last reviewed
          </span>
        )}
        {editor.isEditable && result?.ok && result.newerThanReviewed && (
          <button type="button" onClick={() => updateAttributes({ reviewedVintage: result.vintage?.id ?? null })}>
            Mark reviewed
          </button>
        )}
        {editor.isEditable && (
          <button type="button" aria-expanded={configuring} onClick={() => setConfiguring((c) => !c)}>
            {configuring ? 'Close settings' : 'Chart settings…'}
          </button>
        )}
      </div>
      <div className="chart-body" contentEditable={false}>
        <div className="chart-canvas">
          {message ? (
            <p className="chart-message" role="note">
              {message}
            </p>
          ) : (
            <div ref={target} className="chart-svg" aria-busy={!result} />
          )}
          {figure && <ChartWords figure={figure} />}
        </div>
        {configuring && editor.isEditable && <ChartPanel attrs={attrs} onChange={change} />}
      </div>
    </NodeViewWrapper>
  );
}
