/**
 * A path as it can be pasted into a shell in a command we suggest ("jsna doc restore …"): as it is
 * when it has only safe characters, else in single quotes ("Sample JSNA.jsna" has a space).
 */
export function shellQuote(path: string): string {
  return /^[\w@%+=:,./-]+$/.test(path) ? path : `'${path.replace(/'/g, `'\\''`)}'`;
}
