import { describe, expect, it } from 'vitest';
import { inferPolarity, MIN_ROWS_FOR_NO_JUDGEMENT } from '../../../shared/stats/polarityInference';

const row = (value: number | null, benchmark: number | null, label: string | null) => ({ value, benchmark, label });

describe('inferPolarity', () => {
  it('Better below the benchmark → low-is-good (Leicester campylobacter 51.66 vs England 94.73)', () => {
    expect(inferPolarity([row(51.66, 94.73, 'Better')])).toBe('low-is-good');
  });

  it('Better above the benchmark → high-is-good', () => {
    expect(inferPolarity([row(80, 70, 'Better')])).toBe('high-is-good');
  });

  it('Worse above the benchmark → low-is-good; Worse below → high-is-good', () => {
    expect(inferPolarity([row(120, 94.73, 'Worse')])).toBe('low-is-good');
    expect(inferPolarity([row(60, 70, 'Worse')])).toBe('high-is-good');
  });

  it('agreeing Better and Worse rows, with Similar and Not compared alongside', () => {
    expect(
      inferPolarity([
        row(51.66, 94.73, 'Better'),
        row(120, 94.73, 'Worse'),
        row(90, 94.73, 'Similar'),
        row(94.73, 94.73, 'Not compared'),
        row(null, 94.73, null),
      ]),
    ).toBe('low-is-good');
  });

  it('is case-insensitive and trims', () => {
    expect(inferPolarity([row(51.66, 94.73, '  bEtTeR ')])).toBe('low-is-good');
    expect(inferPolarity([row(51.66, 94.73, 'WORSE\t')])).toBe('high-is-good');
  });

  it('contradictory Better/Worse evidence → null', () => {
    expect(inferPolarity([row(51.66, 94.73, 'Better'), row(60, 94.73, 'Worse')])).toBeNull();
    expect(inferPolarity([row(51.66, 94.73, 'Better'), row(120, 94.73, 'Better')])).toBeNull();
  });

  it('Similar / Not compared alone → null', () => {
    expect(inferPolarity([row(90, 94.73, 'Similar'), row(100, 94.73, 'Similar')])).toBeNull();
    expect(inferPolarity([row(90, 94.73, 'Not compared')])).toBeNull();
    expect(inferPolarity([])).toBeNull();
  });

  it('Better/Worse without a value or benchmark gives no direction → null', () => {
    expect(inferPolarity([row(null, 94.73, 'Better'), row(51.66, null, 'Worse')])).toBeNull();
  });

  it('a few Higher/Lower rows → null; many and nothing else → no-judgement', () => {
    expect(MIN_ROWS_FOR_NO_JUDGEMENT).toBe(3);
    expect(inferPolarity([row(120, 94.73, 'Higher'), row(60, 94.73, 'Lower')])).toBeNull();
    expect(
      inferPolarity([
        row(120, 94.73, 'Higher'),
        row(60, 94.73, 'Lower'),
        row(130, 94.73, 'higher'),
        row(90, 94.73, 'Similar'),
      ]),
    ).toBe('no-judgement');
  });

  it('Higher/Lower mixed with Better/Worse → null (contradictory)', () => {
    expect(
      inferPolarity([
        row(120, 94.73, 'Higher'),
        row(60, 94.73, 'Lower'),
        row(130, 94.73, 'Higher'),
        row(51.66, 94.73, 'Better'),
      ]),
    ).toBeNull();
  });

  it('a Higher label on an area below its benchmark → null (contradictory)', () => {
    expect(
      inferPolarity([row(120, 94.73, 'Higher'), row(130, 94.73, 'Higher'), row(60, 94.73, 'Higher')]),
    ).toBeNull();
  });
});
