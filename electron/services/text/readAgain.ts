/**
 * A file must be read again from its start, knowing more: it mixes encodings (valid non-ASCII
 * UTF-8 came before a byte that is not UTF-8, see readTextOnce.ts), or the download it follows
 * started again (growingFile.ts). The import rolls back what it read and reads the file again.
 */
export class ReadAgainKnowingEncoding extends Error {
  constructor(
    readonly file: string,
    why = 'not UTF-8 after all (valid UTF-8 came first); read it again as Windows-1252',
  ) {
    super(`${file}: ${why}.`);
  }
}
