import { useEffect, useRef } from 'react';

/** "Chapter deleted. Undo" — stays for 15 seconds, announced politely. */
export function UndoToast({ message, onUndo, onDismiss }: { message: string; onUndo(): void; onDismiss(): void }) {
  // One timer per toast, not restarted when the page re-renders with a new onDismiss.
  const dismiss = useRef(onDismiss);
  dismiss.current = onDismiss;
  useEffect(() => {
    const t = setTimeout(() => dismiss.current(), 15_000);
    return () => clearTimeout(t);
  }, [message]);
  return (
    <div className="toast" role="status" aria-live="polite">
      <span>{message}</span>
      <button type="button" onClick={onUndo}>
        Undo
      </button>
      <button type="button" className="icon" aria-label="Dismiss" onClick={onDismiss}>
        ×
      </button>
    </div>
  );
}
