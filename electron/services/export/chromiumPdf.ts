import { inflateSync } from 'node:zlib';

/**
 * Reading, and rewriting a few objects of, a PDF as Chromium's print engine (Skia) writes it: one
 * classic cross-reference table, every object uncompressed in the file, only streams compressed
 * (Flate), each stream's /Length given directly. Anything else is reported as not readable (null),
 * and callers then do without (see pdfContents.ts): this is not a general PDF parser.
 */
export class ChromiumPdf {
  private constructor(
    readonly bytes: Buffer,
    /** Each object's byte offset by object number; -1 for a free entry. */
    private readonly offsets: number[],
    private readonly generations: number[],
    private readonly xrefAt: number,
    /** The trailer dictionary as written ("<</Size … /Root … >>"). */
    private readonly trailer: string,
  ) {}

  static read(bytes: Buffer): ChromiumPdf | null {
    const start = bytes.lastIndexOf('startxref');
    if (start < 0) return null;
    const xrefAt = Number(/^startxref\s+(\d+)/.exec(bytes.toString('latin1', start, start + 40))?.[1] ?? NaN);
    if (!Number.isInteger(xrefAt) || bytes.toString('latin1', xrefAt, xrefAt + 4) !== 'xref') return null;
    const trailerAt = bytes.indexOf('trailer', xrefAt);
    if (trailerAt < 0 || trailerAt > start) return null;
    // Subsections "first count", each entry 20 bytes: "oooooooooo ggggg n" and a two-byte line end.
    const table = bytes.toString('latin1', xrefAt + 4, trailerAt);
    const offsets: number[] = [];
    const generations: number[] = [];
    const header = /\s*(\d+) (\d+)[ \t]*(?:\r\n|\r|\n)/y;
    let at = 0;
    while (at < table.length && table.slice(at).trim()) {
      header.lastIndex = at;
      const section = header.exec(table);
      if (!section) return null;
      at = header.lastIndex;
      const first = Number(section[1]);
      for (let k = 0; k < Number(section[2]); k++, at += 20) {
        const type = table[at + 17];
        if (table[at + 10] !== ' ' || table[at + 16] !== ' ' || (type !== 'n' && type !== 'f')) return null;
        const offset = Number(table.slice(at, at + 10));
        const generation = Number(table.slice(at + 11, at + 16));
        if (!Number.isInteger(offset) || !Number.isInteger(generation)) return null;
        offsets[first + k] = type === 'n' ? offset : -1;
        generations[first + k] = generation;
      }
    }
    const trailer = bytes.toString('latin1', trailerAt + 7, start).trim();
    return new ChromiumPdf(bytes, offsets, generations, xrefAt, trailer);
  }

  /** The number of an indirect reference `/Key N 0 R` in `text`, or null. */
  static ref(text: string, key: string): number | null {
    const m = new RegExp(`/${key}\\s+(\\d+) 0 R`).exec(text);
    return m ? Number(m[1]) : null;
  }

  private at(n: number): number {
    const at = this.offsets[n] ?? -1;
    return at >= 0 && this.bytes.toString('latin1', at, at + String(n).length + 6) === `${n} 0 obj` ? at : -1;
  }

  /** An object without a stream: its text from "N 0 obj" to "endobj" ('' when there is no such object). */
  object(n: number): string {
    const at = this.at(n);
    if (at < 0) return '';
    const end = this.bytes.indexOf('endobj', at);
    return this.bytes.toString('latin1', at, end < 0 ? undefined : end);
  }

  /** A stream object's dictionary and its data, inflated when it is Flate-encoded; null when it is not such a stream. */
  stream(n: number): { dict: string; data: Buffer; end: number } | null {
    const at = this.at(n);
    if (at < 0) return null;
    const keyword = this.bytes.indexOf('stream', at);
    if (keyword < 0) return null;
    const dict = this.bytes.toString('latin1', at, keyword);
    const length = /\/Length (\d+)(?!\s+\d+\s+R)/.exec(dict);
    if (!length || dict.includes('endobj')) return null;
    let from = keyword + 6;
    if (this.bytes[from] === 0x0d) from++;
    if (this.bytes[from] === 0x0a) from++;
    const raw = this.bytes.subarray(from, from + Number(length[1]));
    const endobj = this.bytes.indexOf('endobj', from + raw.length);
    if (endobj < 0) return null;
    const filter = /\/Filter\s*\/(\w+)/.exec(dict)?.[1];
    if (filter && filter !== 'FlateDecode') return null;
    try {
      return { dict, data: filter ? inflateSync(raw) : raw, end: endobj + 6 };
    } catch {
      return null;
    }
  }

  get catalog(): string {
    const root = ChromiumPdf.ref(this.trailer, 'Root');
    return root === null ? '' : this.object(root);
  }

  /** The page objects in order, walking the page tree from the catalog. */
  pages(): number[] {
    const out: number[] = [];
    const walk = (n: number, depth: number) => {
      const kids = /\/Kids\s*\[([^\]]*)\]/.exec(this.object(n));
      if (!kids || depth > 20) {
        out.push(n);
        return;
      }
      for (const k of kids[1]!.matchAll(/(\d+) 0 R/g)) walk(Number(k[1]), depth + 1);
    };
    const top = ChromiumPdf.ref(this.catalog, 'Pages');
    if (top !== null) walk(top, 0);
    return out;
  }

  /** The named destinations (the catalog's /Dests) and the page object each points at. */
  destinations(): Map<string, number> {
    const out = new Map<string, number>();
    const dests = ChromiumPdf.ref(this.catalog, 'Dests');
    if (dests === null) return out;
    for (const m of this.object(dests).matchAll(/\/([A-Za-z0-9_#-]+)\s*\[\s*(\d+) 0 R/g)) out.set(pdfName(m[1]!), Number(m[2]));
    return out;
  }

  /**
   * A copy of the file with the given streams' data replaced (compressed again) and the
   * cross-reference table rewritten for the new offsets. Nothing else changes.
   */
  withStreams(replaced: ReadonlyMap<number, Buffer>, deflate: (data: Buffer) => Buffer): Buffer {
    const edits = [...replaced]
      .map(([n, data]) => {
        const old = this.stream(n);
        if (!old) throw new Error(`object ${n} is not a stream`);
        const at = this.offsets[n]!;
        const packed = deflate(data);
        const dict = old.dict.replace(/\/Length \d+/, `/Length ${packed.length}`).replace(/\/Filter\s*\/\w+/, '/Filter /FlateDecode');
        const body = dict.includes('/Filter') ? dict : dict.replace('<<', '<</Filter /FlateDecode\n');
        return { at, end: old.end, text: Buffer.concat([Buffer.from(body, 'latin1'), Buffer.from('stream\n', 'latin1'), packed, Buffer.from('\nendstream\nendobj', 'latin1')]) };
      })
      .sort((a, b) => a.at - b.at);
    const parts: Buffer[] = [];
    let from = 0;
    for (const e of edits) {
      parts.push(this.bytes.subarray(from, e.at), e.text);
      from = e.end;
    }
    parts.push(this.bytes.subarray(from, this.xrefAt));
    const moved = (offset: number) => {
      let shift = 0;
      for (const e of edits) if (offset > e.at) shift += e.text.length - (e.end - e.at);
      return offset + shift;
    };
    const xrefAt = parts.reduce((sum, p) => sum + p.length, 0);
    const entries = this.offsets.map((o, n) =>
      o < 0 ? `0000000000 ${String(this.generations[n]).padStart(5, '0')} f \n` : `${String(moved(o)).padStart(10, '0')} ${String(this.generations[n]).padStart(5, '0')} n \n`,
    );
    parts.push(Buffer.from(`xref\n0 ${entries.length}\n${entries.join('')}trailer\n${this.trailer}\nstartxref\n${xrefAt}\n%%EOF\n`, 'latin1'));
    return Buffer.concat(parts);
  }
}

/** A PDF name's text: "#xx" escapes decoded. */
export const pdfName = (name: string) => name.replace(/#([0-9a-fA-F]{2})/g, (_x, h: string) => String.fromCharCode(parseInt(h, 16)));
