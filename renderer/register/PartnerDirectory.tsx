import { type FormEvent, useState } from 'react';
import type { PartnerSummary, RecommendationRef } from '../../shared/api';
import { PARTNER_TYPES, type PartnerType } from '../../shared/partners/defaultPartners';
import { PARTNER_TYPE_LABELS } from '../../shared/partners/labels';
import { api } from '../lib/api';
import { useAction } from '../lib/useAsync';
import { clip } from './format';
import { SelectField } from './SelectField';
import { useModal } from './useModal';
import { ErrorAlert } from '../components/ErrorAlert';

type Mode = { kind: 'edit' | 'rename' | 'merge'; partner: PartnerSummary };

interface Props {
  partners: PartnerSummary[];
  readOnly: boolean;
  /** After any change: reload the directory and the register. */
  onChanged(message: string): void;
  onOpenRecommendation(ref: RecommendationRef): void;
}

function TypeSelect({ value, onChange }: { value: PartnerType; onChange(t: PartnerType): void }) {
  return (
    <SelectField label="Type" value={value} onChange={(e) => onChange(e.target.value as PartnerType)}>
      {PARTNER_TYPES.map((t) => (
        <option key={t} value={t}>
          {PARTNER_TYPE_LABELS[t]}
        </option>
      ))}
    </SelectField>
  );
}

function SuccessorSelect({ value, partners, exclude, onChange }: { value: string; partners: PartnerSummary[]; exclude?: string; onChange(code: string): void }) {
  return (
    <SelectField label="Succeeded by" value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">None</option>
      {partners
        .filter((p) => p.code !== exclude)
        .map((p) => (
          <option key={p.code} value={p.code}>
            {p.code} – {p.name}
          </option>
        ))}
    </SelectField>
  );
}

/** Edit a partner's name, type and successor; rename its code; or merge it into another. */
function PartnerDialog({ mode, partners, onClose, onDone }: { mode: Mode; partners: PartnerSummary[]; onClose(): void; onDone(message: string): void }) {
  const dialog = useModal();
  const p = mode.partner;
  const [name, setName] = useState(p.name);
  const [type, setType] = useState<PartnerType>(p.type);
  const [successor, setSuccessor] = useState(p.successor ?? '');
  const [newCode, setNewCode] = useState(p.code);
  const [into, setInto] = useState(partners.find((x) => x.code === p.successor)?.code ?? partners.find((x) => x.code !== p.code)?.code ?? '');
  const action = useAction();
  const affected = p.recommendations + p.removedRecommendations;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (mode.kind === 'edit') {
      const r = await action.run(() => api['partners.edit']({ code: p.code, name, type, successor: successor || null }));
      if (r) onDone(`${r.code} saved.`);
    } else if (mode.kind === 'rename') {
      const r = await action.run(() => api['partners.rename']({ code: p.code, newCode }));
      if (r) onDone(`${p.code} renamed to ${r.partner.code} in ${r.recommendations} ${r.recommendations === 1 ? 'recommendation' : 'recommendations'}.`);
    } else {
      const r = await action.run(() => api['partners.merge']({ from: p.code, into }));
      if (r) onDone(`${p.code} merged into ${r.partner.code}: ${r.recommendations} ${r.recommendations === 1 ? 'recommendation' : 'recommendations'} changed.`);
    }
  }

  const title = mode.kind === 'edit' ? `Edit ${p.code}` : mode.kind === 'rename' ? `Rename ${p.code}` : `Merge ${p.code} into another partner`;
  return (
    <dialog ref={dialog} className="dialog" aria-labelledby="partner-dialog-title" onClose={onClose}>
      <form onSubmit={(e) => void submit(e)}>
        <h2 id="partner-dialog-title">{title}</h2>
        {mode.kind === 'edit' && (
          <>
            <label>
              Full name
              <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={200} />
            </label>
            <TypeSelect value={type} onChange={setType} />
            <SuccessorSelect value={successor} partners={partners} exclude={p.code} onChange={setSuccessor} />
            <p className="hint">The organisation that took over its duties, e.g. CCGs were replaced by ICBs in July 2022.</p>
          </>
        )}
        {mode.kind === 'rename' && (
          <>
            <label>
              New code
              <input value={newCode} onChange={(e) => setNewCode(e.target.value)} required maxLength={40} />
            </label>
            <p className="hint">
              Every recommendation tagged {p.code} ({affected}) will be tagged with the new code, in every chapter.
            </p>
          </>
        )}
        {mode.kind === 'merge' && (
          <>
            <SelectField label="Merge into" value={into} onChange={(e) => setInto(e.target.value)} required>
                {partners
                  .filter((x) => x.code !== p.code)
                  .map((x) => (
                    <option key={x.code} value={x.code}>
                      {x.code} – {x.name}
                    </option>
                  ))}
            </SelectField>
            <p className="hint">
              The {affected} {affected === 1 ? 'recommendation' : 'recommendations'} tagged {p.code} will be owned by the partner you choose, and {p.code} leaves the directory.
            </p>
          </>
        )}
        <ErrorAlert error={action.error} />
        <div className="dialog-buttons">
          <button type="submit" disabled={action.busy}>
            {mode.kind === 'edit' ? 'Save' : mode.kind === 'rename' ? 'Rename' : 'Merge'}
          </button>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </dialog>
  );
}

/** The project's partner directory: who can own a recommendation. */
export function PartnerDirectory({ partners, readOnly, onChanged, onOpenRecommendation }: Props) {
  const [mode, setMode] = useState<Mode | null>(null);
  const [refused, setRefused] = useState<{ code: string; message: string; recommendations: RecommendationRef[] } | null>(null);
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [type, setType] = useState<PartnerType>('other');
  const [successor, setSuccessor] = useState('');
  const add = useAction();
  const [deleteError, setDeleteError] = useState<string | null>(null);

  async function submitAdd(e: FormEvent) {
    e.preventDefault();
    const r = await add.run(() => api['partners.add']({ code, name, type, successor: successor || null }));
    if (r) {
      setCode('');
      setName('');
      setType('other');
      setSuccessor('');
      onChanged(`${r.code} added.`);
    }
  }

  async function remove(p: PartnerSummary) {
    setRefused(null);
    setDeleteError(null);
    try {
      await api['partners.delete']({ code: p.code });
      onChanged(`${p.code} deleted.`);
    } catch (e) {
      const err = e as { code?: string; message: string; details?: { recommendations?: RecommendationRef[] } };
      if (err.code === 'CONFLICT' && err.details?.recommendations) {
        setRefused({ code: p.code, message: `${p.code} cannot be deleted: ${err.details.recommendations.length === 1 ? 'this recommendation uses' : `these ${err.details.recommendations.length} recommendations use`} it. Change their owners, or merge ${p.code} into another partner.`, recommendations: err.details.recommendations });
      } else {
        setDeleteError(err.message);
      }
    }
  }

  return (
    <section className="partner-directory" aria-labelledby="directory-heading">
      <h2 id="directory-heading">Partner directory</h2>
      <p className="hint">Codes are what recommendations are tagged with, e.g. [CCG/UHL/LA]. Codes are unique ignoring case.</p>
      {refused && (
        <div role="alert" className="refusal">
          <p>
            <strong>{refused.message}</strong>
          </p>
          <ul>
            {refused.recommendations.map((r) => (
              <li key={r.id}>
                {r.inDocument ? (
                  <button type="button" className="link-button" onClick={() => onOpenRecommendation(r)}>
                    {clip(r.text, 120)}
                  </button>
                ) : (
                  <span>
                    {clip(r.text, 120)} <span className="badge-removed">Removed from document</span>
                  </span>
                )}{' '}
                <span className="muted">
                  ({[r.chapter, r.section].filter(Boolean).join(' › ')})
                </span>
              </li>
            ))}
          </ul>
          <button type="button" onClick={() => setRefused(null)}>
            Dismiss
          </button>
        </div>
      )}
      <ErrorAlert error={deleteError} />
      <div className="table-scroll" role="region" aria-labelledby="directory-caption" tabIndex={0}>
        <table className="directory-table">
          <caption id="directory-caption">Partners ({partners.length})</caption>
          <thead>
            <tr>
              <th scope="col">Code</th>
              <th scope="col">Name</th>
              <th scope="col">Type</th>
              <th scope="col">Succeeded by</th>
              <th scope="col">Recommendations</th>
              {!readOnly && <th scope="col">Actions</th>}
            </tr>
          </thead>
          <tbody>
            {partners.map((p) => (
              <tr key={p.code}>
                <th scope="row">{p.code}</th>
                <td>{p.name}</td>
                <td>{PARTNER_TYPE_LABELS[p.type]}</td>
                <td>{p.successor ?? <span className="muted">None</span>}</td>
                <td>
                  {p.recommendations}
                  {p.removedRecommendations > 0 && <span className="muted"> (+{p.removedRecommendations} removed)</span>}
                </td>
                {!readOnly && (
                  <td className="actions">
                    <button type="button" aria-label={`Edit ${p.code}`} onClick={() => setMode({ kind: 'edit', partner: p })}>
                      Edit
                    </button>
                    <button type="button" aria-label={`Rename ${p.code}`} onClick={() => setMode({ kind: 'rename', partner: p })}>
                      Rename
                    </button>
                    <button type="button" aria-label={`Merge ${p.code}`} onClick={() => setMode({ kind: 'merge', partner: p })}>
                      Merge…
                    </button>
                    <button type="button" aria-label={`Delete ${p.code}`} onClick={() => void remove(p)}>
                      Delete
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {!readOnly && (
        <form className="add-partner" onSubmit={(e) => void submitAdd(e)} aria-labelledby="add-partner-heading">
          <h3 id="add-partner-heading">Add a partner</h3>
          <div className="form-grid">
            <label>
              Code
              <input value={code} onChange={(e) => setCode(e.target.value)} required maxLength={40} autoComplete="off" />
            </label>
            <label>
              Full name
              <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={200} autoComplete="off" />
            </label>
            <TypeSelect value={type} onChange={setType} />
            <SuccessorSelect value={successor} partners={partners} onChange={setSuccessor} />
          </div>
          <ErrorAlert error={add.error} />
          <button type="submit" disabled={add.busy}>
            Add partner
          </button>
        </form>
      )}
      {mode && (
        <PartnerDialog
          mode={mode}
          partners={partners}
          onClose={() => setMode(null)}
          onDone={(message) => {
            setMode(null);
            onChanged(message);
          }}
        />
      )}
    </section>
  );
}
