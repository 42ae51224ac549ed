import { useEffect, useState } from 'react';
import type { RegisterQuery, RegisterSortKey } from '../../shared/api';
import type { RecommendationStatus } from '../../shared/recommendations/status';

/** The register's filters and sort: what they are, how they survive a reload, and the query they make. */
export interface Filters {
  partner: string;
  includeSuccessors: boolean;
  status: RecommendationStatus | '';
  chapterId: string;
  needsOwner: boolean;
  includeRemoved: boolean;
  search: string;
}

export const NO_FILTERS: Filters = { partner: '', includeSuccessors: false, status: '', chapterId: '', needsOwner: false, includeRemoved: false, search: '' };
export const STORAGE_KEY = 'jsna.register.view';

export interface Saved {
  filters: Filters;
  sort: { by: RegisterSortKey; dir: 'asc' | 'desc' };
}

/** Filters and sort survive a reload of the page (this tab only). */
export function loadSaved(): Saved {
  try {
    const raw = sessionStorage.getItem(STORAGE_KEY);
    if (raw) {
      const s = JSON.parse(raw) as Partial<Saved>;
      return { filters: { ...NO_FILTERS, ...s.filters }, sort: s.sort ?? { by: 'document', dir: 'asc' } };
    }
  } catch {
    /* start afresh */
  }
  return { filters: NO_FILTERS, sort: { by: 'document', dir: 'asc' } };
}

export function toQuery(f: Filters, search: string): Omit<RegisterQuery, 'sortBy' | 'sortDir'> {
  return {
    ...(f.partner ? { partner: f.partner, includeSuccessors: f.includeSuccessors } : {}),
    ...(f.status ? { status: f.status } : {}),
    ...(f.chapterId ? { chapterId: f.chapterId } : {}),
    ...(f.needsOwner ? { needsOwner: true } : {}),
    ...(search.trim() ? { search: search.trim() } : {}),
  };
}

export const COLUMNS: { key: RegisterSortKey; label: string }[] = [
  { key: 'chapter', label: 'Chapter' },
  { key: 'section', label: 'Section' },
  { key: 'text', label: 'Recommendation' },
  { key: 'partners', label: 'Partners' },
  { key: 'status', label: 'Status' },
  { key: 'rag', label: 'RAG' },
  { key: 'dueDate', label: 'Due date' },
  { key: 'updatedAt', label: 'Last update' },
];

export function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setV(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return v;
}

