/**
 * A problem the person must see, read out at once by screen readers (role="alert"): an action's
 * error or a message. Nothing when there is none.
 */
export function ErrorAlert({ error }: { error: { message: string } | string | null | undefined }) {
  if (!error) return null;
  return (
    <p role="alert" className="error">
      {typeof error === 'string' ? error : error.message}
    </p>
  );
}
