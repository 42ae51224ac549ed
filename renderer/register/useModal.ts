import { useEffect, useRef } from 'react';

/** Opens a <dialog> as modal when mounted (focus moves into it, Escape cancels). */
export function useModal() {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);
  return ref;
}
