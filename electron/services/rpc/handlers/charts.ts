import { loadChartData, newestVintage } from '../../charts/chartData';
import type { HandlerSlice } from '../handler';

export const chartHandlers: HandlerSlice<'charts.data' | 'charts.newestVintage'> = {
  'charts.data': ({ chart }, { session }) => loadChartData(session.library(), chart),
  'charts.newestVintage': (_input, { session }) => ({ vintage: newestVintage(session.library()) }),
};
