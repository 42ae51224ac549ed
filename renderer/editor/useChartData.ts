import { useEffect, useState } from 'react';
import type { ChartDataResponse, ChartRef } from '../../shared/api/charts';
import { api, onEvent } from '../lib/api';

/**
 * Fetches a chart's data, and again whenever the library changes (a new vintage redraws it).
 * Only the answer for the current reference is returned: a node view reused for another chart
 * (or re-pointed at another indicator) never shows, or marks reviewed, the previous chart's data.
 */
export function useChartData(ref: ChartRef | null, enabled: boolean): ChartDataResponse | null {
  const [answer, setAnswer] = useState<{ key: string; result: ChartDataResponse } | null>(null);
  const [version, setVersion] = useState(0);
  const key = JSON.stringify(ref);
  // Which chart the data are of: marking it reviewed does not make its data someone else's.
  const chart = JSON.stringify(ref === null ? null : { ...ref, reviewedVintage: undefined });
  useEffect(() => onEvent((e) => e.type === 'library-changed' && setVersion((v) => v + 1)), []);
  useEffect(() => {
    if (!enabled || key === 'null') return;
    let live = true;
    api['charts.data']({ chart: JSON.parse(key) as ChartRef }).then(
      (result) => live && setAnswer({ key: chart, result }),
      (e: Error) => live && setAnswer({ key: chart, result: { ok: false, message: e.message } }),
    );
    return () => {
      live = false;
    };
  }, [key, chart, enabled, version]);
  return answer !== null && answer.key === chart ? answer.result : null;
}
