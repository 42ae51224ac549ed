import { createContext, useContext } from 'react';

export interface DirectoryPartner {
  code: string;
  name: string;
}

export interface PartnerDirectoryValue {
  partners: DirectoryPartner[];
  /** Adds a code to the project's directory (after the author confirms). */
  addPartner(code: string, name: string): Promise<void>;
}

/** The project's partner directory, for the recommendation node's autocomplete. */
export const PartnerDirectoryContext = createContext<PartnerDirectoryValue>({ partners: [], addPartner: async () => undefined });

export function usePartnerDirectory(): PartnerDirectoryValue {
  return useContext(PartnerDirectoryContext);
}
