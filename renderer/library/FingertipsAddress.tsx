import { type FormEvent, useEffect, useId, useState } from 'react';
import { api } from '../lib/api';
import { useAction } from '../lib/useAsync';
import { ErrorAlert } from '../components/ErrorAlert';

/** The Fingertips API address the project uses (JSNA_FINGERTIPS_URL, when set, overrides it). */
export function FingertipsAddress() {
  const id = useId();
  const [address, setAddress] = useState('');
  const [from, setFrom] = useState<'environment' | 'project' | 'default'>('default');
  const action = useAction();
  useEffect(() => {
    void action.run(async () => {
      const a = await api['fingertips.address']({});
      setAddress(a.url);
      setFrom(a.from);
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  async function save(e: FormEvent) {
    e.preventDefault();
    await action.run(async () => {
      const a = await api['fingertips.setAddress']({ url: address.trim() || null });
      setAddress(a.url);
      setFrom(a.from);
    });
  }
  return (
    <details>
      <summary>Fingertips address</summary>
      <form onSubmit={save}>
        <label htmlFor={`${id}-address`}>Address of the Fingertips API (empty: https://fingertips.phe.org.uk/api)</label>
        <input id={`${id}-address`} value={address} onChange={(e) => setAddress(e.target.value)} disabled={from === 'environment'} />
        {from === 'environment' && <p className="hint">Set by JSNA_FINGERTIPS_URL for this run.</p>}
        <ErrorAlert error={action.error} />
        <button type="submit" disabled={from === 'environment'}>
          Use this address
        </button>
      </form>
    </details>
  );
}
