import { type FormEvent, useId, useState } from 'react';
import type { IndicatorMeta, Polarity, ValueType } from '../../shared/library/types';
import { api } from '../lib/api';
import { useAction } from '../lib/useAsync';
import { formFromMeta, type MetadataFormState, metadataPatch, POLARITY_WORDS, VALUE_TYPE_WORDS } from './metadataForm';
import { ErrorAlert } from '../components/ErrorAlert';

/**
 * The author's edit of an indicator's metadata: unit, polarity (which drives Better/Worse), value
 * type and multiplier (which choose the CI method), definition and source. What the author sets
 * here wins over metadata files and inferred polarity.
 */
export function IndicatorMetadataForm({ meta, onDone }: { meta: IndicatorMeta; onDone(saved: IndicatorMeta | null): void }) {
  const [form, setForm] = useState<MetadataFormState>(() => formFromMeta(meta));
  const [problem, setProblem] = useState<string | null>(null);
  const action = useAction();
  const id = useId();
  const set = <K extends keyof MetadataFormState>(key: K, value: MetadataFormState[K]) => setForm((f) => ({ ...f, [key]: value }));

  async function save(e: FormEvent) {
    e.preventDefault();
    const { patch, error } = metadataPatch(meta, form);
    setProblem(error ?? null);
    if (error) return;
    if (!patch) return onDone(null);
    const saved = await action.run(() => api['library.updateIndicator'](patch));
    if (saved) onDone(saved);
  }

  const message = problem ?? action.error?.message;
  return (
    <form className="indicator-meta-form" aria-label={`Edit metadata of ${meta.name}`} onSubmit={save} noValidate>
      <label htmlFor={`${id}-unit`}>Unit</label>
      <input id={`${id}-unit`} value={form.unit} onChange={(e) => set('unit', e.target.value)} placeholder="e.g. %, per 100,000" />
      <label htmlFor={`${id}-polarity`}>Polarity</label>
      <select id={`${id}-polarity`} value={form.polarity} onChange={(e) => set('polarity', e.target.value as Polarity | '')} aria-describedby={`${id}-polarity-hint`}>
        <option value="">Not set (Higher / Lower)</option>
        {(Object.keys(POLARITY_WORDS) as Polarity[]).map((p) => (
          <option key={p} value={p}>
            {POLARITY_WORDS[p]}
          </option>
        ))}
      </select>
      <p className="hint" id={`${id}-polarity-hint`}>
        Decides whether a significant difference from the comparator is labelled Better / Worse or Higher / Lower.
      </p>
      <label htmlFor={`${id}-type`}>Value type</label>
      <select id={`${id}-type`} value={form.valueType} onChange={(e) => set('valueType', e.target.value as ValueType)}>
        {(Object.keys(VALUE_TYPE_WORDS) as ValueType[]).map((v) => (
          <option key={v} value={v}>
            {VALUE_TYPE_WORDS[v]}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-multiplier`}>Multiplier</label>
      <input
        id={`${id}-multiplier`}
        inputMode="numeric"
        value={form.multiplier}
        onChange={(e) => set('multiplier', e.target.value)}
        placeholder="e.g. 100000 for per 100,000"
        aria-invalid={problem !== null && /multiplier/i.test(problem)}
      />
      <label htmlFor={`${id}-definition`}>Definition</label>
      <textarea id={`${id}-definition`} rows={3} value={form.definition} onChange={(e) => set('definition', e.target.value)} />
      <label htmlFor={`${id}-source`}>Source</label>
      <input id={`${id}-source`} value={form.source} onChange={(e) => set('source', e.target.value)} />
      <ErrorAlert error={message} />
      <div className="form-actions">
        <button type="submit" disabled={action.busy}>
          Save metadata
        </button>
        <button type="button" onClick={() => onDone(null)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
