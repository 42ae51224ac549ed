/** A file name (without extension) from a title, safe on every OS: no \ / : * ? " < > | or control characters, no trailing dots or spaces. */
export function safeFileBase(title: string, fallback: string): string {
  const base = title
    .replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[. ]+$/, '')
    .slice(0, 120);
  return base || fallback;
}
