import type { MethodInput } from '../../shared/api';
import type { IndicatorMeta, Polarity, ValueType } from '../../shared/library/types';

/** The metadata edit form's fields, all as the inputs hold them (text). */
export interface MetadataFormState {
  unit: string;
  /** '' = not set. */
  polarity: Polarity | '';
  valueType: ValueType;
  multiplier: string;
  definition: string;
  source: string;
}

export const POLARITY_WORDS: Record<Polarity, string> = {
  'high-is-good': 'High is good',
  'low-is-good': 'Low is good',
  'no-judgement': 'No judgement',
};

export const VALUE_TYPE_WORDS: Record<ValueType, string> = {
  proportion: 'Proportion (%)',
  rate: 'Rate per N',
  count: 'Count',
  other: 'Other (no CI computed)',
};

export function formFromMeta(meta: IndicatorMeta): MetadataFormState {
  return {
    unit: meta.unit ?? '',
    polarity: meta.polarity ?? '',
    valueType: meta.valueType,
    multiplier: meta.multiplier === null ? '' : String(meta.multiplier),
    definition: meta.definition ?? '',
    source: meta.source ?? '',
  };
}

/**
 * The `library.updateIndicator` input for what the author changed (unchanged fields are left out, so
 * an edit of the unit does not also pin the polarity the file inferred), or an error message for the
 * form. `null` patch = nothing changed.
 */
export function metadataPatch(
  meta: IndicatorMeta,
  form: MetadataFormState,
): { patch: MethodInput<'library.updateIndicator'> | null; error?: undefined } | { patch?: undefined; error: string } {
  const patch: MethodInput<'library.updateIndicator'> = { id: meta.id };
  let changed = false;
  const text = (v: string) => (v.trim() === '' ? null : v.trim());
  for (const key of ['unit', 'definition', 'source'] as const) {
    if (text(form[key]) !== meta[key]) {
      patch[key] = text(form[key]);
      changed = true;
    }
  }
  const polarity = form.polarity === '' ? null : form.polarity;
  if (polarity !== meta.polarity) {
    patch.polarity = polarity;
    changed = true;
  }
  let multiplier: number | null = null;
  if (form.multiplier.trim() !== '') {
    multiplier = Number(form.multiplier.replace(/[,\s]/g, ''));
    if (!Number.isFinite(multiplier) || multiplier <= 0) return { error: 'The multiplier must be a number greater than 0 (e.g. 100000 for a rate per 100,000).' };
  }
  if (form.valueType === 'rate' && multiplier === null) return { error: 'A rate needs a multiplier (e.g. 100000 for a rate per 100,000).' };
  if (form.valueType !== meta.valueType) {
    patch.valueType = form.valueType;
    changed = true;
  }
  if (multiplier !== meta.multiplier) {
    patch.multiplier = multiplier;
    changed = true;
  }
  return { patch: changed ? patch : null };
}
