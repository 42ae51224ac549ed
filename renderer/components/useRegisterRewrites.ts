import { useEffect, useRef, useState } from 'react';
import { onEvent } from '../lib/api';

/**
 * Chapters kept loaded keep their undo history, even while the register is showing, unless the
 * register rewrites one (a partner code renamed or merged in its recommendations): that chapter's
 * editor is then loaded afresh (a new key), so it never saves over the rewrite, and the page says
 * that its undo history starts again.
 */
export function useRegisterRewrites(loaded: string[]) {
  const [generations, setGenerations] = useState<Record<string, number>>({});
  const [reloaded, setReloaded] = useState<string[]>([]);
  const loadedRef = useRef(loaded);
  loadedRef.current = loaded;

  useEffect(
    () =>
      onEvent((e) => {
        if (e.type !== 'register-changed') return;
        const open = e.chapterIds.filter((id) => loadedRef.current.includes(id));
        if (!open.length) return;
        setGenerations((g) => Object.fromEntries([...Object.entries(g), ...open.map((id) => [id, (g[id] ?? 0) + 1] as const)]));
        setReloaded((r) => [...new Set([...r, ...open])]);
      }),
    [],
  );

  return {
    /** The key for a chapter's editor: it changes when the register rewrote the chapter. */
    editorKey: (id: string) => `${id}:${generations[id] ?? 0}`,
    /** Whether the chapter was reloaded after a rewrite (and the author has not dismissed the notice). */
    wasReloaded: (id: string) => reloaded.includes(id),
    dismiss: (id: string) => setReloaded((r) => r.filter((x) => x !== id)),
  };
}
