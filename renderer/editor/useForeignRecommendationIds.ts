import { useEffect, useRef } from 'react';
import { api } from '../lib/api';

/**
 * The ids of recommendations that other chapters show, for the paste handler (a copy pasted here
 * gets a new id). Read each time the chapter comes to the front: while it is showing, only this
 * chapter changes.
 */
export function useForeignRecommendationIds(chapterId: string, active: boolean): () => ReadonlySet<string> {
  const ids = useRef<ReadonlySet<string>>(new Set());
  useEffect(() => {
    if (!active) return;
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
  }, [chapterId, active]);
  return () => ids.current;
}
