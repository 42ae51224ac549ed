import { describe, expect, it } from 'vitest';
import { sortableFromPeriod } from '../../../shared/stats/periods';

describe('sortableFromPeriod', () => {
  it.each([
    ['2019', 20190000],
    ['2019/20', 20190000],
    ['1999/00', 19990000],
    ['2017 - 19', 20170000],
    ['2017-19', 20170000],
    ['2016/17 - 18/19', 20160000],
    ['2020 Q1', 20200100],
    ['2020 Q4', 20200400],
    ['Mar 2020', 20200003],
    ['March 2020', 20200003],
    ['Dec 2020', 20200012],
    ['2020/21 Q3', 20200300],
    ['Jan 2019 - Dec 2019', 20190001],
    ['Apr 2019 - Mar 2020', 20190004],
    ['2019 Q2 - 2020 Q1', 20190200],
    ['  2019/20  ', 20190000],
    ['2016/17  -  18/19', 20160000],
    ['sep 2018', 20180009],
    ['Sept 2018', 20180009],
  ])('%s → %i', (period, sortable) => {
    expect(sortableFromPeriod(period)).toBe(sortable);
  });

  it.each([
    '',
    'banana',
    '19',
    '2019/21',
    '2020 Q5',
    '2020 Q0',
    'Foo 2020',
    '2017 - banana',
    '2017 -',
    '- 2017',
    '201',
    '20190',
    '2019/20 Q3 extra',
  ])('%j → null', (period) => {
    expect(sortableFromPeriod(period)).toBeNull();
  });
});
