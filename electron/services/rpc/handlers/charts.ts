import { loadChartData } from '../../charts/chartData';
import type { HandlerSlice } from '../handler';

export const chartHandlers: HandlerSlice<'charts.data'> = {
  'charts.data': ({ chart }, { session }) => loadChartData(session.library(), chart),
};
