import { useCallback, useEffect, useState } from 'react';
import { call } from '../lib/api';
import { onEvent } from '../lib/api';
import type { DirectoryPartner, PartnerDirectoryValue } from './partnerDirectory';

/** Loads the project's partner directory, and reloads it when the project changes. */
export function usePartnerDirectoryLoader(): PartnerDirectoryValue {
  const [partners, setPartners] = useState<DirectoryPartner[]>([]);
  const load = useCallback(() => {
    call('partners.list', {}).then(
      (list) => setPartners(list.map((p) => ({ code: p.code, name: p.name }))),
      () => setPartners([]),
    );
  }, []);
  useEffect(() => {
    load();
    return onEvent((e) => {
      if (e.type === 'project-changed') load();
    });
  }, [load]);
  const addPartner = useCallback(
    async (code: string, name: string) => {
      await call('partners.add', { code, name, type: 'other' });
      load();
    },
    [load],
  );
  return { partners, addPartner };
}
