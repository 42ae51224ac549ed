import { useEffect, useState } from 'react';
import type { ChartDataResponse, ChartRef } from '../../shared/api/charts';
import { api, onEvent } from '../lib/api';

/** Fetches a chart's data, and again whenever the library changes (a new vintage redraws it). */
export function useChartData(ref: ChartRef, enabled: boolean): ChartDataResponse | null {
  const [result, setResult] = useState<ChartDataResponse | null>(null);
  const [version, setVersion] = useState(0);
  const key = JSON.stringify(ref);
  useEffect(() => onEvent((e) => e.type === 'library-changed' && setVersion((v) => v + 1)), []);
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    api['charts.data']({ chart: JSON.parse(key) as ChartRef }).then(
      (r) => live && setResult(r),
      (e: Error) => live && setResult({ ok: false, message: e.message }),
    );
    return () => {
      live = false;
    };
  }, [key, enabled, version]);
  return result;
}
