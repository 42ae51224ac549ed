import { promisify } from 'node:util';
import { crc32, deflateRaw } from 'node:zlib';
import { type Document, Packer } from 'docx';
import { Zip, type ZipInputFile } from 'fflate';
import { AppError } from '../../../../shared/api/errors';
import type { PlainTables } from './plainTable';

/**
 * The Word file's bytes: docx writes its parts (docx's own compiler, as Packer.toBuffer does), the
 * plain tables are written into word/document.xml in place of their placeholders, and the parts are
 * zipped in docx's order by fflate (the zip library docx itself uses), each compressed by Node's
 * zlib off this thread, all at once (docx deflates them one by one in JavaScript on this thread,
 * about a fifth of the time packing a 300-chart file took). Pictures that are already compressed
 * (PNG) are stored rather than deflated again, which only spent time.
 *
 * docx 9.15.2 (pinned) does not declare its compiler in its types; it is looked up at run time and
 * the export says so plainly if a docx upgrade moved it.
 */
type Compile = (file: Document, prettify: undefined, overrides: []) => Map<string, string | Uint8Array | ArrayBufferView>;

function compiler(): Compile {
  const c = (Packer as unknown as { compiler?: { compile?: unknown } }).compiler;
  if (!c || typeof c.compile !== 'function') throw new AppError('INTERNAL', 'The docx library’s compiler was not found (docx is pinned at 9.15.2; check its Packer after an upgrade).');
  return (c.compile as Compile).bind(c);
}

const deflateAsync = promisify(deflateRaw);
const STORED = /\.(png|jpe?g|gif)$/i;
const bytesOf = (data: string | Uint8Array | ArrayBufferView): Buffer =>
  typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data.buffer, data.byteOffset, data.byteLength);

interface Entry {
  path: string;
  bytes: Buffer;
  stored: boolean;
  data: Buffer;
}

/** A zip entry whose compressed bytes are already known (fflate's interface for compression it does not do itself). */
function zipInput(e: Entry, mtime: Date): ZipInputFile {
  return { filename: e.path, size: e.bytes.length, crc: crc32(e.bytes) >>> 0, compression: e.stored ? 0 : 8, mtime };
}

/** Entries in order as one zip file (fflate's streaming Zip: local headers, data, data descriptors, central directory). */
function zipped(entries: readonly Entry[], mtime: Date): Buffer {
  const chunks: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((err, chunk) => {
    if (err) failure ??= err;
    else chunks.push(chunk);
  });
  for (const e of entries) {
    const file = zipInput(e, mtime);
    zip.add(file);
    file.ondata!(null, new Uint8Array(e.data.buffer as ArrayBuffer, e.data.byteOffset, e.data.byteLength), true);
  }
  zip.end();
  if (failure) throw new AppError('INTERNAL', `The Word file could not be zipped: ${(failure as Error).message}`);
  return Buffer.concat(chunks);
}

/**
 * The .docx bytes of `doc`, with `tables` written in; every entry dated `mtime` so the same input
 * gives the same bytes. `late`: parts docx wrote as a placeholder (this very object) whose bytes are
 * still being made (PNG fallbacks): each is put in its place once ready, so docx writes the file
 * while the last pictures are rasterised. `waitedMs`: how long the file then waited for them.
 */
export async function packDocx(doc: Document, tables: PlainTables, mtime: Date, late: ReadonlyMap<unknown, Promise<Buffer>> = new Map()): Promise<{ bytes: Buffer; waitedMs: number }> {
  const parts = compiler()(doc, undefined, []);
  let waitedMs = 0;
  const entries = await Promise.all(
    [...parts].map(async ([path, written]): Promise<Entry> => {
      let data = written;
      const coming = late.get(data);
      if (coming) {
        const t = performance.now();
        data = await coming;
        waitedMs = Math.max(waitedMs, performance.now() - t);
      }
      const bytes = path === 'word/document.xml' ? Buffer.from(tables.fill(typeof data === 'string' ? data : bytesOf(data).toString('utf8')), 'utf8') : bytesOf(data);
      const stored = STORED.test(path);
      if (stored && bytes.length === 0) throw new AppError('INTERNAL', `The Word file's picture ${path} was left empty (its PNG was never made).`);
      return { path, bytes, stored, data: stored ? bytes : await deflateAsync(bytes, { level: 6 }) };
    }),
  );
  return { bytes: zipped(entries, mtime), waitedMs };
}
