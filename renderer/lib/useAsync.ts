import { useCallback, useState } from 'react';

/** Runs an action, remembering its error message for display. */
export function useAction() {
  const [error, setError] = useState<{ message: string; code?: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const run = useCallback(async <T,>(fn: () => Promise<T>): Promise<T | undefined> => {
    setBusy(true);
    setError(null);
    try {
      return await fn();
    } catch (e) {
      const err = e as { message?: string; code?: string };
      setError({ message: err.message ?? String(e), ...(err.code ? { code: err.code } : {}) });
      return undefined;
    } finally {
      setBusy(false);
    }
  }, []);
  return { run, error, busy, clearError: () => setError(null) };
}
