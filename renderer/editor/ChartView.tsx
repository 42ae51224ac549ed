import { NodeViewWrapper, type ReactNodeViewProps } from '@tiptap/react';
import { useEffect, useRef, useState } from 'react';
import type { ChartRef } from '../../shared/api/charts';
import { buildChartSpec, summariseChart } from '../../shared/charts';
import type { ChartAttrs } from '../../shared/editor/nodes/chart';
import { ChartPanel } from './ChartPanel';
import { renderChart } from './renderVega';
import { useChartData } from './useChartData';
import { useVisible } from './useVisible';

function refOf(a: ChartAttrs): ChartRef {
  return {
    kind: a.kind,
    indicatorId: a.indicatorId,
    indicatorIds: a.indicatorIds,
    indicatorGroups: a.indicatorGroups ?? {},
    areaCode: a.areaCode,
    comparators: a.comparators,
    sex: a.sex,
    age: a.age,
    categoryType: a.categoryType,
    category: a.category,
    periodFrom: a.periodFrom,
    periodTo: a.periodTo,
    reviewedVintage: a.reviewedVintage,
  };
}

/**
 * A live chart in the editor. Drawn only once scrolled near (off-screen charts cost nothing);
 * redrawn when its settings or the library change; says plainly when there is nothing to draw.
 */
export function ChartView({ node, updateAttributes, editor, selected }: ReactNodeViewProps) {
  const attrs = node.attrs as ChartAttrs;
  const wrapper = useRef<HTMLElement | null>(null);
  const target = useRef<HTMLDivElement | null>(null);
  const visible = useVisible(wrapper);
  const result = useChartData(refOf(attrs), visible && Boolean(attrs.indicatorId || attrs.indicatorIds.length));
  const [drawError, setDrawError] = useState<string | null>(null);
  const [configuring, setConfiguring] = useState(!attrs.indicatorId && !attrs.indicatorIds.length);

  // The first time data arrives, remember its vintage as the one the author has seen.
  useEffect(() => {
    if (result?.ok && result.vintage && attrs.reviewedVintage === null && editor.isEditable) {
      updateAttributes({ reviewedVintage: result.vintage.id });
    }
  }, [result, attrs.reviewedVintage, editor, updateAttributes]);

  useEffect(() => {
    if (!result?.ok || !target.current) return;
    let view: { finalize(): void } | null = null;
    let cancelled = false;
    const title = attrs.title || ('indicator' in result.data ? result.data.indicator.name : 'Basket of indicators');
    const spec = buildChartSpec(result.kind, result.data as never, { title, caption: attrs.caption });
    target.current.setAttribute('role', 'img');
    target.current.setAttribute('aria-label', typeof spec.description === 'string' ? spec.description : title);
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
  }, [result, attrs.title, attrs.caption]);

  const message = !attrs.indicatorId && !attrs.indicatorIds.length ? 'Choose an indicator for this chart.' : result && !result.ok ? result.message : drawError;
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
          {result?.ok && <p className="chart-summary">{summariseChart(result.kind, result.data as never)}</p>}
          {attrs.caption && <p className="chart-caption">{attrs.caption}</p>}
          {result?.ok && <p className="chart-source">{result.source}</p>}
        </div>
        {configuring && editor.isEditable && <ChartPanel attrs={attrs} onChange={(a) => updateAttributes(a)} />}
      </div>
    </NodeViewWrapper>
  );
}
