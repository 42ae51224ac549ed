import { ipcMain, type WebContents } from 'electron';
import { AppError } from '../../shared/api/errors';
import { dispatchEnvelope } from '../services/rpc/dispatch';
import type { Session } from '../services/rpc/session';
import { isTrustedSender } from './policy/senderValidation';

export const RPC_CHANNEL = 'jsna:rpc';
export const EVENT_CHANNEL = 'jsna:event';

/** One handler for every method: check the sender, then the same dispatch browser mode uses. */
export function registerIpc(session: Session, target: () => WebContents | null): () => void {
  ipcMain.handle(RPC_CHANNEL, async (event, method: unknown, input: unknown, opts: unknown) => {
    const frame = event.senderFrame;
    if (!isTrustedSender(frame ? { url: frame.url, isMainFrame: frame.parent === null } : null)) {
      return { ok: false, error: new AppError('FORBIDDEN', 'IPC call from an untrusted frame was refused.').toPayload() };
    }
    const jobId = typeof (opts as { jobId?: unknown } | undefined)?.jobId === 'string' ? (opts as { jobId: string }).jobId : undefined;
    return dispatchEnvelope(String(method), input, { session, ...(jobId ? { jobId } : {}) });
  });
  const unsubscribe = session.onEvent((e) => target()?.send(EVENT_CHANNEL, e));
  return () => {
    ipcMain.removeHandler(RPC_CHANNEL);
    unsubscribe();
  };
}
