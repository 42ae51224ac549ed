import { createHash } from 'node:crypto';

/**
 * A web page JSNA Studio exported carries the sha256 of its own text (without this <meta>), right
 * after its generator <meta>. A later export may replace the file only while it is still exactly as
 * exported: a page someone edited by hand (kept the generator <meta>, changed a word) no longer
 * matches, so it is not replaced without their say (exportTarget.ts).
 */
const SEAL_NAME = 'jsna-sha256';
const GENERATOR = '<meta name="generator" content="JSNA Studio">';
const SEAL = new RegExp(`<meta name="${SEAL_NAME}" content="([0-9a-f]{64})">`);

const sha256 = (text: string | Buffer) => createHash('sha256').update(text).digest('hex');

/** The page with its seal; unchanged when it has no generator <meta> (not a page of ours). */
export function sealHtml(html: string): string {
  const at = html.indexOf(GENERATOR);
  if (at < 0) return html;
  const end = at + GENERATOR.length;
  return `${html.slice(0, end)}<meta name="${SEAL_NAME}" content="${sha256(html)}">${html.slice(end)}`;
}

/** True when the file is a sealed page whose text is still what its seal says. */
export function isUnchangedSealedHtml(bytes: Buffer): boolean {
  const text = bytes.toString('latin1');
  const m = SEAL.exec(text);
  if (!m || text.lastIndexOf(GENERATOR, m.index) !== m.index - GENERATOR.length) return false;
  const without = Buffer.concat([bytes.subarray(0, m.index), bytes.subarray(m.index + m[0].length)]);
  return sha256(without) === m[1];
}
