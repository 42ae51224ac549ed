import iconv from 'iconv-lite';

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/**
 * Decodes a text file the way analysts' files arrive: UTF-8 with or without a BOM, UTF-16 with a
 * BOM (Excel's "Unicode text"), or Windows-1252 (Excel's "CSV" on Windows) when the bytes are not
 * valid UTF-8.
 */
export function detectEncoding(bytes: Uint8Array): TextEncodingName {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return 'utf-8';
  } catch {
    return 'windows-1252';
  }
}

export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncodingName } {
  const encoding = detectEncoding(bytes);
  // iconv-lite strips a BOM by default.
  return { text: iconv.decode(Buffer.from(bytes), encoding), encoding };
}

/** True when the bytes look binary (NUL bytes outside UTF-16), so they are not a text file at all. */
export function looksBinary(bytes: Uint8Array): boolean {
  const enc = detectEncoding(bytes);
  if (enc === 'utf-16le' || enc === 'utf-16be') return false;
  const n = Math.min(bytes.length, 8192);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return true;
  return false;
}
