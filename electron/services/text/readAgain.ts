/**
 * A file must be read again from its start, knowing its facts (inspectTextFile): it mixes encodings
 * (valid non-ASCII UTF-8 came before a byte that is not UTF-8, see readTextOnce.ts), the download
 * it follows started again (growingFile.ts), or it was read as it downloaded and turned out to be a
 * file the library already has (skipped when its sha256 is known first). The import rolls back
 * what it read and does it all again.
 */
export class ReadAgainKnowingEncoding extends Error {
  constructor(
    readonly file: string,
    why = 'not UTF-8 after all (valid UTF-8 came first); read it again as Windows-1252',
  ) {
    super(`${file}: ${why}.`);
  }
}
