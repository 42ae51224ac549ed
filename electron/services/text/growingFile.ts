import { closeSync, openSync, write, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { Writable } from 'node:stream';
import { AppError } from '../../../shared/api/errors';
import { ReadAgainKnowingEncoding } from './readAgain';

/**
 * A file still being written (a download teed to disk) that a reader follows as it grows, on this
 * thread or in a worker: the bytes go through the file, so memory stays flat and the whole file is
 * there to read again. Writer and readers share only a small SharedArrayBuffer (it crosses to a
 * worker in workerData): how many bytes are in the file, whether it is complete or failed, and the
 * attempt (a retried download starts the file again; a reader that had read some of the earlier
 * attempt's bytes stops with {@link DownloadRestarted}).
 */
const SEQ = 0; // bumped on every change, to wait on
const STATE = 1;
const ATTEMPT = 2;
const WRITING = 0;
const COMPLETE = 1;
const FAILED = 2;
/** Bytes gathered before a write to the file (and a word to readers). */
const WRITE_BYTES = 256 * 1024;

function views(shared: SharedArrayBuffer) {
  return { i32: new Int32Array(shared, 0, 4), written: new BigInt64Array(shared, 16, 1) };
}

/** The reader had read bytes of an attempt the download gave up on: read the whole file again, once it is written. */
export class DownloadRestarted extends ReadAgainKnowingEncoding {
  constructor(file: string) {
    super(file, 'the download started again; read it again once it is complete');
  }
}

/** The writer's side (the thread that downloads). */
export class GrowingFile {
  readonly shared = new SharedArrayBuffer(24);
  private readonly v = views(this.shared);
  private attempts = 0;

  constructor(readonly path: string) {
    writeFileSync(path, '');
  }

  private change(f: () => void): void {
    f();
    Atomics.add(this.v.i32, SEQ, 1);
    Atomics.notify(this.v.i32, SEQ);
  }

  /** The file from its start again (empty) and a stream to write this attempt's bytes to. */
  open(): Writable {
    const { i32, written } = this.v;
    const attempt = ++this.attempts;
    this.change(() => {
      // Readers see the new attempt before the file is emptied and rewritten.
      if (attempt > 1) Atomics.add(i32, ATTEMPT, 1);
      Atomics.store(written, 0, 0n);
    });
    const fd = openSync(this.path, 'w');
    let at = 0;
    let writing = false;
    let closeLater: (() => void) | null = null;
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    /** Writes what is pending in one call (a download comes in chunks of ~64 KB; a call into the file system each cost the busy thread). */
    const flush = (done: (err?: Error | null) => void) => {
      if (pendingBytes === 0) return done();
      const buf = pending.length === 1 ? pending[0]! : Buffer.concat(pending, pendingBytes);
      pending = [];
      pendingBytes = 0;
      writing = true;
      const writeFrom = (from: number) =>
        write(fd, buf, from, buf.length - from, at, (err, n) => {
          if (!err && from + n < buf.length) {
            at += n;
            return writeFrom(from + n);
          }
          writing = false;
          closeLater?.();
          if (err) return done(err);
          at += n;
          // Only bytes already in the file are counted (so a reader never reads past them), and
          // only this attempt's while it is the current one.
          if (attempt === this.attempts) this.change(() => Atomics.store(written, 0, BigInt(at)));
          done();
        });
      writeFrom(0);
    };
    return new Writable({
      write: (chunk: Buffer, _enc, done) => {
        pending.push(chunk);
        pendingBytes += chunk.length;
        if (pendingBytes >= WRITE_BYTES) flush(done);
        else done();
      },
      final: (done) => flush(done),
      destroy: (err, done) => {
        const close = () => {
          closeSync(fd);
          done(err);
        };
        // Not under a write still in flight (an attempt broken off midway).
        if (writing) closeLater = close;
        else close();
      },
    });
  }

  /** All of it is written: readers read to its end and finish. */
  complete(): void {
    this.change(() => Atomics.store(this.v.i32, STATE, COMPLETE));
  }

  /** The download failed for good: readers stop. */
  fail(): void {
    this.change(() => Atomics.store(this.v.i32, STATE, FAILED));
  }
}

function stopped(name: string): AppError {
  return new AppError('UNREACHABLE', `${name}: the download stopped before the end; your library is unchanged.`, { file: name });
}

/** Atomics.waitAsync (Node 16+; TypeScript's lib here predates it). */
type WaitAsync = (a: Int32Array, index: number, value: number) => { async: false; value: string } | { async: true; value: Promise<string> };
const waitAsync = (Atomics as unknown as { waitAsync: WaitAsync }).waitAsync.bind(Atomics);

/** Resolves when anything changed since `seq` was read. */
async function changed(i32: Int32Array, seq: number): Promise<void> {
  const w = waitAsync(i32, SEQ, seq);
  if (w.async) await w.value;
}

/** Resolves once the file is complete; rejects if its download failed. */
export async function whenWritten(shared: SharedArrayBuffer, name: string): Promise<void> {
  const { i32 } = views(shared);
  for (;;) {
    const seq = Atomics.load(i32, SEQ);
    const state = Atomics.load(i32, STATE);
    if (state === COMPLETE) return;
    if (state === FAILED) throw stopped(name);
    await changed(i32, seq);
  }
}

/** The file's bytes in chunks of up to `chunkSize`, as they are written, to the end of the completed file. */
export async function* followFile(path: string, name: string, shared: SharedArrayBuffer, chunkSize: number): AsyncGenerator<Buffer> {
  const { i32, written } = views(shared);
  const fh = await open(path, 'r');
  let at = 0;
  let attempt = Atomics.load(i32, ATTEMPT);
  /** False when the download started again: fine before any byte was read, else the reader must start again too. */
  const sameAttempt = () => {
    const now = Atomics.load(i32, ATTEMPT);
    if (now === attempt) return true;
    if (at > 0) throw new DownloadRestarted(name);
    attempt = now;
    return false;
  };
  try {
    for (;;) {
      const seq = Atomics.load(i32, SEQ);
      // The state before the count: once complete, the count read after it is the final size.
      const state = Atomics.load(i32, STATE);
      const end = Number(Atomics.load(written, 0));
      if (!sameAttempt()) continue;
      if (at < end) {
        const buf = Buffer.allocUnsafe(Math.min(chunkSize, end - at));
        const { bytesRead } = await fh.read(buf, 0, buf.length, at);
        // Bytes read while the download started again may be the new attempt's: not these.
        if (!sameAttempt()) continue;
        if (bytesRead === 0) throw new Error(`${name}: the file is shorter than the bytes written to it`);
        at += bytesRead;
        yield bytesRead === buf.length ? buf : buf.subarray(0, bytesRead);
        continue;
      }
      if (state === COMPLETE) return;
      if (state === FAILED) throw stopped(name);
      await changed(i32, seq);
    }
  } finally {
    await fh.close();
  }
}
