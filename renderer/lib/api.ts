import { type Api, AppError, type AppEvent, type MethodInput, type MethodName, methodNames, type MethodResult } from '../../shared/api';
import { httpTransport, takeToken } from './transport/httpTransport';
import { ipcTransport } from './transport/ipcTransport';
import type { CallOptions, ChosenFile, PreloadBridge, Transport } from './transport/types';

declare global {
  interface Window {
    jsnaBridge?: PreloadBridge;
  }
}

function pickTransport(): Transport {
  return window.jsnaBridge ? ipcTransport(window.jsnaBridge) : httpTransport(takeToken());
}

const transport = pickTransport();

/** Calls one method; throws AppError (with the service's code and message) on failure. */
export async function call<M extends MethodName>(method: M, input: MethodInput<M>, opts?: CallOptions): Promise<MethodResult<M>> {
  const envelope = await transport.call(method, input, opts);
  if (!envelope.ok) throw AppError.fromPayload(envelope.error);
  return envelope.result as MethodResult<M>;
}

/** Makes a file chosen in the page reachable by the backend (its path in Electron; sent to the server in browser mode). */
export async function chosenFile(file: File): Promise<ChosenFile> {
  const envelope = await transport.chosenFile(file);
  if (!envelope.ok) throw AppError.fromPayload(envelope.error);
  return envelope.result;
}

/** The whole contract as one typed object: `api['chapters.list']({})`. */
export const api = Object.fromEntries(methodNames.map((m) => [m, (input: unknown) => call(m, input as never)])) as Api;

/**
 * One event stream for the whole page, shared by every listener. (In browser mode each stream is
 * an open HTTP connection, and Chromium allows six per host: one per chart would starve the RPC
 * calls.)
 */
const listeners = new Set<(event: AppEvent) => void>();
let unsubscribe: (() => void) | null = null;

export function onEvent(listener: (event: AppEvent) => void): () => void {
  listeners.add(listener);
  unsubscribe ??= transport.subscribe((event) => {
    for (const l of [...listeners]) l(event);
  });
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && unsubscribe) {
      unsubscribe();
      unsubscribe = null;
    }
  };
}

export const inElectron = Boolean(window.jsnaBridge);
