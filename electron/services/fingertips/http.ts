import { createWriteStream } from 'node:fs';
import { Readable, Transform, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { AppError } from '../../../shared/api/errors';
import { proxyAwareFetch } from './proxy';

export const UNREACHABLE_MESSAGE = 'Fingertips could not be reached; your library is unchanged.';

export interface HttpOptions {
  /** Per attempt, until the response headers arrive and between chunks of the body (default 30 s). */
  timeoutMs?: number;
  /** Tries after the first one, for network errors, timeouts and 5xx/429 answers (default 2). */
  retries?: number;
  /** The wait before the first retry; doubled each time (default 500 ms). */
  backoffMs?: number;
  signal?: AbortSignal | undefined;
}

const DEFAULTS = { timeoutMs: 30_000, retries: 2, backoffMs: 500 };

function cancelled(): AppError {
  return new AppError('CANCELLED', 'The Fingertips request was cancelled; your library is unchanged.');
}

/** A failure worth another try (the service or the network), or one that will not change (4xx). */
class AttemptFailed extends Error {
  constructor(
    message: string,
    readonly retry: boolean,
    /** Fingertips answered that what was asked for does not exist (400, 404, 410). */
    readonly notThere = false,
  ) {
    super(message);
  }
}

function unreachable(url: string, why: string, tries: number): AppError {
  return new AppError('UNREACHABLE', `${UNREACHABLE_MESSAGE} ${url}: ${why}${tries > 1 ? ` (tried ${tries} times)` : ''}.`, { url });
}

/** Fingertips was reached and answered, but not with what was asked for (a 4xx: no such indicator, area type or combination). */
function refused(url: string, why: string): AppError {
  return new AppError('NOT_FOUND', `Fingertips was reached but did not give what was asked for: ${why} (is the indicator, area type or parent area type right, and does Fingertips have that combination?). Your library is unchanged. ${url}`, { url });
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolveSleep, reject) => {
    if (signal?.aborted) return reject(cancelled());
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolveSleep();
    }, ms);
    const onAbort = () => {
      clearTimeout(t);
      reject(cancelled());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Runs `attempt` with a fresh abort signal that fires on the caller's cancel or after `timeoutMs`
 * of silence (`touch` restarts the clock, e.g. for every chunk of a body). Retries with backoff.
 */
async function withRetries<T>(url: string, opts: HttpOptions, attempt: (signal: AbortSignal, touch: () => void) => Promise<T>): Promise<T> {
  const { timeoutMs, retries, backoffMs } = { ...DEFAULTS, ...stripUndefined(opts) };
  let last = '';
  for (let i = 0; i <= retries; i++) {
    if (opts.signal?.aborted) throw cancelled();
    if (i > 0) await sleep(backoffMs * 2 ** (i - 1), opts.signal);
    const controller = new AbortController();
    let timedOut = false;
    let timer: NodeJS.Timeout | undefined;
    const touch = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        timedOut = true;
        controller.abort();
      }, timeoutMs);
    };
    const onAbort = () => controller.abort();
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    touch();
    try {
      return await attempt(controller.signal, touch);
    } catch (e) {
      if (opts.signal?.aborted) throw cancelled();
      if (e instanceof AppError) throw e;
      if (timedOut) {
        last = `no answer within ${Math.round(timeoutMs / 100) / 10} s`;
      } else if (e instanceof AttemptFailed) {
        if (!e.retry) throw e.notThere ? refused(url, e.message) : unreachable(url, e.message, i + 1);
        last = e.message;
      } else {
        const cause = (e as { cause?: { code?: string; message?: string } }).cause;
        last = networkWords(cause?.code, cause?.message ?? (e as Error).message);
      }
    } finally {
      clearTimeout(timer);
      opts.signal?.removeEventListener('abort', onAbort);
    }
  }
  throw unreachable(url, last, retries + 1);
}

const NETWORK_WORDS: Record<string, string> = {
  ECONNREFUSED: 'the connection was refused',
  ENOTFOUND: 'the address was not found (is this computer offline?)',
  EAI_AGAIN: 'the address could not be looked up (is this computer offline?)',
  ECONNRESET: 'the connection was cut',
  ETIMEDOUT: 'the connection timed out',
  ENETUNREACH: 'the network is unreachable',
  EHOSTUNREACH: 'the server is unreachable',
};

function networkWords(code: string | undefined, message: string): string {
  return code ? `${NETWORK_WORDS[code] ?? message} (${code})` : message;
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

async function getOk(url: string, signal: AbortSignal, accept: string): Promise<Response> {
  // redirect: 'error': the client talks only to the configured address, never where it is sent.
  const res = await proxyAwareFetch(url, { signal, redirect: 'error', headers: { accept } });
  if (!res.ok) {
    await res.body?.cancel().catch(() => undefined);
    // 5xx, 408 and 429 may pass; 400/404/410: no such indicator or combination; others (401, 403,
    // 407 from a proxy…): could not be reached, with the status said.
    throw new AttemptFailed(`the service answered ${res.status} ${res.statusText}`.trim(), res.status >= 500 || res.status === 408 || res.status === 429, [400, 404, 410].includes(res.status));
  }
  return res;
}

/** The most a JSON answer may be (Fingertips' largest lists, all areas of a type, are a few MB). */
const MAX_JSON_BYTES = 64 * 1024 * 1024;

/** GETs a JSON document: the parsed value (checked by the caller), or a clear error. */
export async function getJson(url: string, opts: HttpOptions = {}): Promise<unknown> {
  const text = await withRetries(url, opts, async (signal, touch) => {
    const res = await getOk(url, signal, 'application/json');
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      touch();
      size += chunk.byteLength;
      if (size > MAX_JSON_BYTES) throw new AttemptFailed(`the answer is larger than ${MAX_JSON_BYTES / 1024 / 1024} MB`, false);
      chunks.push(Buffer.from(chunk));
    }
    return Buffer.concat(chunks).toString('utf8');
  });
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError('UNREACHABLE', `Fingertips sent an answer that is not JSON; your library is unchanged. ${url}`, { url });
  }
}

export interface DownloadProgress {
  bytes: number;
  /** From Content-Length, when the service sends one. */
  totalBytes: number | null;
}

/** Where a download goes when not simply to a file: a fresh stream for each attempt (e.g. text/growingFile.ts). */
export interface DownloadTarget {
  open(): Writable;
}

/**
 * Streams a GET's body to `dest` (memory stays flat whatever the size). A failed attempt is retried
 * from the start, overwriting the partial file. Returns the bytes written.
 */
export async function downloadTo(url: string, dest: string | DownloadTarget, opts: HttpOptions & { onProgress?: (p: DownloadProgress) => void } = {}): Promise<number> {
  return withRetries(url, opts, async (signal, touch) => {
    const res = await getOk(url, signal, 'text/csv');
    // Content-Length counts the bytes sent; with a Content-Encoding (gzip) fetch hands on more.
    const encoded = (res.headers.get('content-encoding') ?? 'identity').toLowerCase() !== 'identity';
    const length = Number(res.headers.get('content-length'));
    const totalBytes = !encoded && Number.isFinite(length) && length > 0 ? length : null;
    let bytes = 0;
    opts.onProgress?.({ bytes, totalBytes });
    const count = new Transform({
      transform(chunk: Buffer, _enc, done) {
        touch();
        bytes += chunk.length;
        opts.onProgress?.({ bytes, totalBytes });
        done(null, chunk);
      },
    });
    try {
      // The signal stops the body too: fetch's own abort does not always end a body already being read.
      await pipeline(Readable.fromWeb(res.body as WebReadableStream<Uint8Array>), count, typeof dest === 'string' ? createWriteStream(dest) : dest.open(), { signal });
    } catch (e) {
      throw new AttemptFailed(`the download broke off after ${bytes} bytes (${(e as Error).message})`, true);
    }
    if (totalBytes !== null && bytes !== totalBytes) throw new AttemptFailed(`the download stopped at ${bytes} of ${totalBytes} bytes`, true);
    return bytes;
  });
}
