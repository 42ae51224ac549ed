import { useEffect, useRef } from 'react';

const FOCUSABLE = 'button, [href], input, select, textarea, summary, [tabindex]:not([tabindex="-1"])';

/** The dialog's controls a Tab can reach, in order. */
function tabbable(d: HTMLDialogElement): HTMLElement[] {
  return [...d.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (el) => !(el as HTMLButtonElement).disabled && el.tabIndex >= 0 && !el.closest('[hidden], [inert]') && el.getClientRects().length > 0,
  );
}

/**
 * Opens a <dialog> as modal when mounted: focus moves into it, the page behind is inert, Escape
 * cancels. Tab wraps from the last control to the first (and Shift+Tab back): a modal dialog alone
 * lets focus leave for the browser's own UI. When it goes, focus returns to what had it before (the
 * button that opened it), whether it was closed by Escape, Cancel or Save — a dialog React removes
 * is never close()d, so the browser's focus restoration does not cover the last two.
 */
export function useModal() {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    const opener = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null;
    if (!d.open) d.showModal();
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Tab' || e.altKey || e.ctrlKey || e.metaKey) return;
      const items = tabbable(d);
      if (items.length === 0) return;
      const first = items[0]!;
      const last = items[items.length - 1]!;
      const active = document.activeElement;
      if (e.shiftKey ? active === first || !d.contains(active) : active === last || !d.contains(active)) {
        e.preventDefault();
        (e.shiftKey ? last : first).focus();
      }
    };
    d.addEventListener('keydown', onKey);
    return () => {
      d.removeEventListener('keydown', onKey);
      // After React's re-render, the opener may still be there (same row) or gone (filtered out).
      if (opener?.isConnected) opener.focus();
    };
  }, []);
  return ref;
}
