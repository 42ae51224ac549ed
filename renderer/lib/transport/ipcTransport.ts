import type { PreloadBridge, Transport } from './types';

export function ipcTransport(bridge: PreloadBridge): Transport {
  return {
    call(method, input, opts) {
      const fn = bridge.methods[method];
      if (!fn) return Promise.resolve({ ok: false, error: { code: 'BAD_INPUT', message: `Unknown method "${method}".` } });
      return fn(input, opts?.jobId ? { jobId: opts.jobId } : undefined);
    },
    subscribe: (listener) => bridge.onEvent(listener),
    async chosenFile(file) {
      const path = bridge.pathForFile(file);
      if (!path) return { ok: false, error: { code: 'BAD_INPUT', message: `${file.name} is not a file on this computer.`, details: { file: file.name } } };
      return { ok: true, result: { path } };
    },
  };
}
