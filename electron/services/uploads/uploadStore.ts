import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../../../shared/api/errors';

/** Larger than any Fingertips download or analyst's CSV; the import streams whatever it is given. */
export const MAX_UPLOAD_BYTES = 2 * 1024 ** 3;

export interface UploadedFile {
  /** Where the bytes are on this machine (a private temporary folder). */
  path: string;
  /** The file's own name, as the person chose it: shown in messages and recorded in vintages. */
  name: string;
}

/**
 * The file's own name, made safe to use as one path segment: no folders, no control characters,
 * nothing a file system refuses. Empty or all-dots names become "upload".
 */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const cleaned = base.replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '_').trim().slice(0, 200);
  return cleaned.replace(/^\.+$/, '') || 'upload';
}

/**
 * Files sent from a browser-mode page (which cannot hand over a path), kept until used: each in a
 * folder of its own under one private temporary folder per session, under its own name, so an
 * import names it as the person knows it ("campylobacter.csv:12: …"). Ids are random: a page can only
 * use the files it sent. Used files are discarded; whatever is left goes when the session closes.
 */
export class UploadStore {
  private dir: string | null = null;
  private readonly files = new Map<string, UploadedFile>();

  /** How many sent files are waiting to be used. */
  get waiting(): number {
    return this.files.size;
  }

  /** Writes `body` to disk as `name`; at most MAX_UPLOAD_BYTES (larger is refused and nothing kept). */
  async save(name: string, body: Readable, maxBytes = MAX_UPLOAD_BYTES): Promise<string> {
    this.dir ??= mkdtempSync(join(tmpdir(), 'jsna-uploads-'));
    const id = randomBytes(16).toString('hex');
    const folder = join(this.dir, id);
    mkdirSync(folder, { mode: 0o700 });
    const safe = safeFileName(name);
    const file = { path: join(folder, safe), name: safe };
    let size = 0;
    try {
      await pipeline(
        body,
        async function* (source: AsyncIterable<Buffer>) {
          for await (const chunk of source) {
            size += chunk.length;
            if (size > maxBytes) throw new AppError('BAD_INPUT', `${file.name} is larger than ${Math.round(maxBytes / 1024 ** 2)} MB.`, { file: file.name });
            yield chunk;
          }
        },
        createWriteStream(file.path, { mode: 0o600 }),
      );
    } catch (e) {
      rmSync(folder, { recursive: true, force: true });
      throw e;
    }
    this.files.set(id, file);
    return id;
  }

  /** The files for these ids, in order; an unknown id (never sent, or used already) is refused. */
  take(ids: readonly string[]): UploadedFile[] {
    return ids.map((id) => {
      const file = this.files.get(id);
      if (!file) throw new AppError('BAD_INPUT', 'A chosen file is no longer available; choose it again.', { field: 'uploads' });
      return file;
    });
  }

  /** Deletes these files (after their import, whether it worked or not). */
  discard(ids: readonly string[]): void {
    for (const id of ids) {
      const file = this.files.get(id);
      if (!file) continue;
      this.files.delete(id);
      if (this.dir) rmSync(join(this.dir, id), { recursive: true, force: true });
    }
  }

  /** Deletes everything still here. */
  close(): void {
    this.files.clear();
    if (this.dir) rmSync(this.dir, { recursive: true, force: true });
    this.dir = null;
  }
}
