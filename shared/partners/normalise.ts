/** Trim and collapse runs of whitespace (including non-breaking spaces and line breaks) to one space. */
function tidy(raw: string): string {
  return raw.trim().replace(/\s+/g, ' ');
}

/**
 * Map a partner code as typed in a tag to the directory's spelling of it.
 *
 * Matching ignores case and surrounding/internal whitespace runs, so "other  partners",
 * "Other Partners" and " police " match "other partners" and "Police". An unknown code
 * comes back as written (trimmed, internal whitespace collapsed) with `known: false`.
 */
export function normalisePartnerCode(raw: string, directory: readonly { code: string }[]): { code: string; known: boolean } {
  const code = tidy(raw);
  const key = code.toLowerCase();
  if (key !== '') {
    for (const entry of directory) {
      if (tidy(entry.code).toLowerCase() === key) return { code: entry.code, known: true };
    }
  }
  return { code, known: false };
}
