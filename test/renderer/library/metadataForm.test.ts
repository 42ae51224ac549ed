import { describe, expect, it } from 'vitest';
import type { IndicatorMeta } from '../../../shared/library/types';
import { formFromMeta, metadataPatch } from '../../../renderer/library/metadataForm';

const meta: IndicatorMeta = {
  id: '93356',
  name: 'Campylobacter incidence rate/100,000',
  unit: 'per 100,000',
  polarity: 'low-is-good',
  polaritySource: 'inferred',
  valueType: 'rate',
  multiplier: 100000,
  definition: null,
  source: 'OHID Fingertips',
  illustrative: false,
};

describe('the indicator metadata form', () => {
  it('sends only what the author changed, so an unchanged inferred polarity is not pinned', () => {
    expect(metadataPatch(meta, formFromMeta(meta))).toEqual({ patch: null });
    expect(metadataPatch(meta, { ...formFromMeta(meta), definition: '  Lab reports per 100,000 residents ' })).toEqual({
      patch: { id: '93356', definition: 'Lab reports per 100,000 residents' },
    });
    expect(metadataPatch(meta, { ...formFromMeta(meta), polarity: 'high-is-good', source: '' })).toEqual({
      patch: { id: '93356', polarity: 'high-is-good', source: null },
    });
    expect(metadataPatch(meta, { ...formFromMeta(meta), polarity: '' }).patch).toEqual({ id: '93356', polarity: null });
  });

  it('changes value type and multiplier together, and refuses a rate without a multiplier', () => {
    expect(metadataPatch(meta, { ...formFromMeta(meta), valueType: 'proportion', multiplier: '100', unit: '%' }).patch).toEqual({
      id: '93356',
      unit: '%',
      valueType: 'proportion',
      multiplier: 100,
    });
    expect(metadataPatch(meta, { ...formFromMeta(meta), multiplier: '1,000' }).patch).toEqual({ id: '93356', multiplier: 1000 });
    expect(metadataPatch(meta, { ...formFromMeta(meta), multiplier: '' }).error).toMatch(/A rate needs a multiplier/);
    expect(metadataPatch(meta, { ...formFromMeta(meta), multiplier: '-5' }).error).toMatch(/greater than 0/);
  });
});
