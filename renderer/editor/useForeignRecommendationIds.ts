import { useEffect, useRef } from 'react';
import { api } from '../lib/api';

/**
 * The ids of recommendations that other chapters show, for the paste handler (a copy pasted here
 * gets a new id). Read when the chapter opens: while it is open, only this chapter changes.
 */
export function useForeignRecommendationIds(chapterId: string): () => ReadonlySet<string> {
  const ids = useRef<ReadonlySet<string>>(new Set());
  useEffect(() => {
    let live = true;
    api['register.list']({}).then(
      (r) => {
        if (live) ids.current = new Set(r.rows.filter((row) => row.inDocument && row.chapterId !== chapterId).map((row) => row.id));
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [chapterId]);
  return () => ids.current;
}
