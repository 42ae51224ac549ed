import { useEffect } from 'react';

/** "Chapter deleted. Undo" — stays for 15 seconds, announced politely. */
export function UndoToast({ message, onUndo, onDismiss }: { message: string; onUndo(): void; onDismiss(): void }) {
  useEffect(() => {
    const t = setTimeout(onDismiss, 15_000);
    return () => clearTimeout(t);
  }, [onDismiss]);
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
