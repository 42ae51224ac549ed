import { isAppUrl } from './appOrigin';

/**
 * IPC calls are honoured only from the app's own top-level page (app://jsna/…), never from a
 * sub-frame or any other origin that might have been loaded.
 */
export function isTrustedSender(frame: { url: string; isMainFrame: boolean } | null | undefined): boolean {
  if (!frame) return false;
  return frame.isMainFrame && isAppUrl(frame.url);
}
