import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, realpathSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { userDataDir } from '../paths';

/**
 * What this computer's exports wrote where, for the kinds of file that have nowhere to carry a seal
 * of their own (the action list as CSV, the register as JSON; web pages and PDFs are sealed inside,
 * see htmlSeal.ts and pdfSeal.ts). One small record per file written, named by the hash of its
 * path, holding the sha256 of what was written: a later export replaces the file only while it is
 * still exactly that (an action list opened in Excel and saved with the analyst's notes is not).
 * Kept in the user's data folder (override with JSNA_EXPORT_RECORDS_DIR).
 */
const Record = z.object({ path: z.string(), sha256: z.string().regex(/^[0-9a-f]{64}$/), bytes: z.number().int().nonnegative(), exportedAt: z.string() });

export function exportRecordsDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.JSNA_EXPORT_RECORDS_DIR ?? join(userDataDir(env), 'exports');
}

/** The file's path as one name, links resolved when it exists (so two spellings of one file are one record). */
function canonical(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');

function recordPath(path: string, env: NodeJS.ProcessEnv): string {
  return join(exportRecordsDir(env), `${sha256(canonical(path)).slice(0, 32)}.json`);
}

/**
 * Records that `bytes` were just written at `path`. Best effort: when the record cannot be written,
 * the next export to that path is refused (the safe way round), never the other way.
 */
export function recordExport(path: string, bytes: Buffer, env: NodeJS.ProcessEnv = process.env, now = new Date()): void {
  const file = recordPath(path, env);
  const temp = `${file}.${process.pid}.partial`;
  try {
    mkdirSync(exportRecordsDir(env), { recursive: true });
    writeFileSync(temp, JSON.stringify({ path: canonical(path), sha256: sha256(bytes), bytes: bytes.length, exportedAt: now.toISOString() }));
    renameSync(temp, file);
  } catch {
    rmSync(temp, { force: true });
  }
}

/** True when this computer's record says an export wrote exactly the file now at `path`. */
export function isRecordedExport(path: string, env: NodeJS.ProcessEnv = process.env): boolean {
  let record: z.infer<typeof Record>;
  try {
    record = Record.parse(JSON.parse(readFileSync(recordPath(path, env), 'utf8')));
  } catch {
    return false;
  }
  if (record.path !== canonical(path)) return false;
  try {
    const now = readFileSync(path);
    return now.length === record.bytes && sha256(now) === record.sha256;
  } catch {
    return false;
  }
}
