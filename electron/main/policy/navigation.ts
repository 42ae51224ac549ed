import { isAppUrl } from './appOrigin';

export type NavigationDecision = 'allow' | 'deny' | 'open-external';

/** Links the user may follow out of the app, in the system browser. */
export function isExternalWebLink(raw: string): boolean {
  try {
    const url = new URL(raw);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.username === '' && url.password === '';
  } catch {
    return false;
  }
}

/**
 * `will-navigate`: the window stays on the app. A page of the app itself (a reload) is allowed;
 * an http(s) link is opened in the system browser; everything else (file:, javascript:, data:,
 * custom schemes) is denied.
 */
export function decideNavigation(url: string): NavigationDecision {
  if (isAppUrl(url)) return 'allow';
  if (isExternalWebLink(url)) return 'open-external';
  return 'deny';
}

/** `setWindowOpenHandler`: never a new Electron window; http(s) goes to the system browser. */
export function decideWindowOpen(url: string): Exclude<NavigationDecision, 'allow'> {
  return isExternalWebLink(url) ? 'open-external' : 'deny';
}
