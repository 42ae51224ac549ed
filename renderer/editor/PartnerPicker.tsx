import { type FormEvent, useId, useState } from 'react';
import { normalisePartnerCode } from '../../shared/partners/normalise';
import { usePartnerDirectory } from './partnerDirectory';

/** Chips for the owning partners, and an autocompleting field to add one. */
export function PartnerPicker({ partners, onChange, onDone }: { partners: string[]; onChange(p: string[]): void; onDone(): void }) {
  const directory = usePartnerDirectory();
  const [draft, setDraft] = useState('');
  const [unknown, setUnknown] = useState<string | null>(null);
  const [newName, setNewName] = useState('');
  const listId = useId();

  function add(code: string) {
    if (!partners.some((p) => p.toLowerCase() === code.toLowerCase())) onChange([...partners, code]);
    setDraft('');
    setUnknown(null);
  }
  function submit(e: FormEvent) {
    e.preventDefault();
    e.stopPropagation();
    if (!draft.trim()) return onDone();
    const { code, known } = normalisePartnerCode(draft, directory.partners);
    if (known) add(code);
    else setUnknown(code);
  }
  async function addToDirectory() {
    if (!unknown) return;
    await directory.addPartner(unknown, newName.trim() || unknown);
    add(unknown);
    setNewName('');
  }

  return (
    <div className="partner-picker" role="group" aria-label="Owning partners" contentEditable={false} onKeyDown={(e) => e.key === 'Escape' && onDone()}>
      <ul className="chips">
        {partners.map((p) => (
          <li key={p}>
            {p}
            <button type="button" aria-label={`Remove ${p}`} onClick={() => onChange(partners.filter((x) => x !== p))}>
              ×
            </button>
          </li>
        ))}
      </ul>
      <form onSubmit={submit}>
        <label>
          Add a partner
          <input list={listId} value={draft} autoFocus onChange={(e) => setDraft(e.target.value)} placeholder="e.g. LA, ICB, UHL" />
        </label>
        <datalist id={listId}>
          {directory.partners.map((p) => (
            <option key={p.code} value={p.code}>
              {p.name}
            </option>
          ))}
        </datalist>
        <button type="submit">Add</button>
        <button type="button" onClick={onDone}>
          Done
        </button>
      </form>
      {unknown && (
        <div role="alert" className="unknown-partner">
          <p>“{unknown}” is not in this project’s partner directory.</p>
          <label>
            Full name for {unknown}
            <input value={newName} onChange={(e) => setNewName(e.target.value)} />
          </label>
          <button type="button" onClick={() => void addToDirectory()}>
            Add {unknown} to the directory
          </button>
        </div>
      )}
    </div>
  );
}
