import { describe, expect, it } from 'vitest';
import {
  compareWithBenchmark,
  describeSignificance,
  significanceColours,
} from '../../../shared/stats/significance';

const area = (value: number | null, lower95: number | null, upper95: number | null) => ({ value, lower95, upper95 });

describe('compareWithBenchmark', () => {
  // Leicester 2015 campylobacter vs England 2015 (Fingertips): 51.66 (44.329–59.856) vs 94.726
  const leicester = area(51.66, 44.329, 59.856);

  it('benchmark outside the CI, by polarity', () => {
    expect(compareWithBenchmark(leicester, 94.726, 'low-is-good')).toBe('Better');
    expect(compareWithBenchmark(leicester, 94.726, 'high-is-good')).toBe('Worse');
    expect(compareWithBenchmark(leicester, 20, 'high-is-good')).toBe('Better');
    expect(compareWithBenchmark(leicester, 20, 'low-is-good')).toBe('Worse');
  });

  it('no-judgement or unknown polarity → Higher/Lower', () => {
    expect(compareWithBenchmark(leicester, 94.726, 'no-judgement')).toBe('Lower');
    expect(compareWithBenchmark(leicester, 20, 'no-judgement')).toBe('Higher');
    expect(compareWithBenchmark(leicester, 94.726, null)).toBe('Lower');
    expect(compareWithBenchmark(leicester, 20, null)).toBe('Higher');
  });

  it('benchmark inside the CI → Similar, whatever the polarity', () => {
    for (const polarity of ['high-is-good', 'low-is-good', 'no-judgement', null] as const) {
      expect(compareWithBenchmark(leicester, 50, polarity)).toBe('Similar');
    }
  });

  it('benchmark exactly on a limit → Similar', () => {
    expect(compareWithBenchmark(leicester, 44.329, 'high-is-good')).toBe('Similar');
    expect(compareWithBenchmark(leicester, 59.856, 'high-is-good')).toBe('Similar');
    // just outside each limit is significant
    expect(compareWithBenchmark(leicester, 44.3289, 'high-is-good')).toBe('Better');
    expect(compareWithBenchmark(leicester, 59.8561, 'high-is-good')).toBe('Worse');
  });

  it('missing value, CI or benchmark → Not compared', () => {
    expect(compareWithBenchmark(area(51.66, null, null), 94.726, 'low-is-good')).toBe('Not compared');
    expect(compareWithBenchmark(area(51.66, 44.329, null), 94.726, 'low-is-good')).toBe('Not compared');
    expect(compareWithBenchmark(area(51.66, null, 59.856), 94.726, 'low-is-good')).toBe('Not compared');
    expect(compareWithBenchmark(area(null, 44.329, 59.856), 94.726, 'low-is-good')).toBe('Not compared');
    expect(compareWithBenchmark(leicester, null, 'low-is-good')).toBe('Not compared');
    expect(compareWithBenchmark(area(51.66, Number.NaN, 59.856), 94.726, 'low-is-good')).toBe('Not compared');
  });

  it('a CI with lower > upper is not compared', () => {
    expect(compareWithBenchmark(area(51.66, 59.856, 44.329), 94.726, 'low-is-good')).toBe('Not compared');
  });
});

describe('significanceColours', () => {
  it('uses the Fingertips palette, with two distinct blues for Higher and Lower (issue 10 item 3)', () => {
    expect(significanceColours).toEqual({
      Better: '#92D050',
      Similar: '#FFC000',
      Worse: '#C00000',
      Higher: '#BED2FF',
      Lower: '#5555E6',
      'Not compared': '#C9C9C9',
    });
  });
});

describe('describeSignificance', () => {
  it('puts each comparison into words', () => {
    expect(describeSignificance('Similar', 'England')).toBe('statistically similar to England');
    expect(describeSignificance('Better', 'England')).toBe('significantly better than England');
    expect(describeSignificance('Worse', 'England')).toBe('significantly worse than England');
    expect(describeSignificance('Higher', 'England')).toBe('significantly higher than England');
    expect(describeSignificance('Lower', 'the East Midlands')).toBe('significantly lower than the East Midlands');
    expect(describeSignificance('Not compared', 'England')).toBe('not compared with England');
  });
});
