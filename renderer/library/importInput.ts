import type { ChosenFile } from '../lib/transport/types';

/** A typed path, without the quotes Windows' "Copy as path" puts round it. */
export const unquote = (p: string) => p.trim().replace(/^"(.*)"$/, '$1');

/**
 * The import's input from files chosen in the page (a path in Electron, a sent file in browser mode)
 * and paths typed in. A chosen metadata file wins over a typed metadata path.
 */
export function importInput(chosen: ChosenFile[], typed: string[], metadata: ChosenFile | null, metadataPath: string) {
  const paths = [...typed, ...chosen.flatMap((c) => ('path' in c ? [c.path] : []))];
  const uploads = chosen.flatMap((c) => ('upload' in c ? [c.upload] : []));
  const meta = metadata ? ('path' in metadata ? { metadataPath: metadata.path } : { metadataUpload: metadata.upload }) : metadataPath ? { metadataPath } : {};
  return { paths, uploads, ...meta };
}
