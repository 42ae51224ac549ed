import type { BasketChartData } from '../../types';
import type { ChartKindModule } from '../kind';
import { basketSpec } from './spec';
import { summariseBasket } from './summary';
import { basketTable } from './table';

export const basket: ChartKindModule<BasketChartData> = {
  label: 'Basket of indicators (overview table)',
  spec: basketSpec,
  summary: summariseBasket,
  table: basketTable,
  indicators: (data) => data.items.map((i) => i.indicator),
  defaultTitle: () => 'Basket of indicators',
};
