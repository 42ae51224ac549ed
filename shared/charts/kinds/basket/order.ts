import type { BasketChartData } from '../../types';

/** Basket items grouped: ungrouped first, then groups in order of first appearance; input order within a group. */
export function basketOrder(data: BasketChartData): BasketChartData['items'] {
  const groups: (string | undefined)[] = [];
  for (const item of data.items) if (!groups.includes(item.group)) groups.push(item.group);
  groups.sort((a, b) => (a === undefined ? -1 : b === undefined ? 1 : 0));
  return groups.flatMap((g) => data.items.filter((i) => i.group === g));
}
