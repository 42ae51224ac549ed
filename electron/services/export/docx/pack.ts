import { type Document, Packer } from 'docx';
import { type Zippable, zipSync } from 'fflate';
import { AppError } from '../../../../shared/api/errors';
import type { PlainTables } from './plainTable';

/**
 * The Word file's bytes: docx writes its parts (docx's own compiler, as Packer.toBuffer does), the
 * plain tables are written into word/document.xml in place of their placeholders, and the parts are
 * zipped with fflate (the zip library docx itself uses) in docx's order. Pictures in word/media that
 * are already compressed (PNG) are stored rather than deflated again, which only spent time.
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

const STORED = /\.(png|jpe?g|gif)$/i;
const bytesOf = (data: string | Uint8Array | ArrayBufferView): Uint8Array =>
  typeof data === 'string' ? Buffer.from(data, 'utf8') : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);

/** The .docx bytes of `doc`, with `tables` written in; every entry dated `mtime` so the same input gives the same bytes. */
export function packDocx(doc: Document, tables: PlainTables, mtime: Date): Buffer {
  const parts = compiler()(doc, undefined, []);
  const files: Zippable = {};
  for (const [path, data] of parts) {
    const bytes = path === 'word/document.xml' ? bytesOf(tables.fill(typeof data === 'string' ? data : Buffer.from(bytesOf(data)).toString('utf8'))) : bytesOf(data);
    files[path] = STORED.test(path) ? [bytes, { level: 0 }] : bytes;
  }
  const zip = zipSync(files, { mtime });
  return Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength);
}
