import type { PreloadBridge, Transport } from './types';

export function ipcTransport(bridge: PreloadBridge): Transport {
  return {
    call(method, input, opts) {
      const fn = bridge.methods[method];
      if (!fn) return Promise.resolve({ ok: false, error: { code: 'BAD_INPUT', message: `Unknown method "${method}".` } });
      return fn(input, opts?.jobId ? { jobId: opts.jobId } : undefined);
    },
    subscribe: (listener) => bridge.onEvent(listener),
  };
}
