import { createHash } from 'node:crypto';
import { sha256Without } from './fileSeal';

/**
 * A web page JSNA Studio exported carries the sha256 of its own text (without this <meta>), right
 * after its generator <meta>. A later export may replace the file only while it is still exactly as
 * exported: a page someone edited by hand (kept the generator <meta>, changed a word) no longer
 * matches, so it is not replaced without their say (exportTarget.ts).
 */
const SEAL_NAME = 'jsna-sha256';
const GENERATOR = '<meta name="generator" content="JSNA Studio">';
const SEAL = new RegExp(`${GENERATOR}<meta name="${SEAL_NAME}" content="([0-9a-f]{64})">`);

/** The page with its seal; unchanged when it has no generator <meta> (not a page of ours). */
export function sealHtml(html: string): string {
  const at = html.indexOf(GENERATOR);
  if (at < 0) return html;
  const end = at + GENERATOR.length;
  return `${html.slice(0, end)}<meta name="${SEAL_NAME}" content="${createHash('sha256').update(html).digest('hex')}">${html.slice(end)}`;
}

/**
 * True when the file at `path` is a sealed page whose bytes are still what its seal says. The seal
 * is looked for in `start` (the file's first bytes: it sits in the <head>); the file is then hashed
 * a chunk at a time without its seal, so its size does not matter.
 */
export function isUnchangedSealedHtml(path: string, start: Buffer): boolean {
  const m = SEAL.exec(start.toString('latin1'));
  if (!m) return false;
  const from = m.index + GENERATOR.length;
  return sha256Without(path, from, m.index + m[0].length) === m[1];
}
