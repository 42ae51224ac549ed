import type { BrowserContext, Page } from 'playwright-core';

/**
 * What would catch a payload running: alert/confirm/prompt/print/eval/Function/fetch traps set up
 * before any page script, real dialogs, and requests leaving the page's own origin.
 */
export interface ExecutionLog {
  dialogs: string[];
  traps: () => Promise<string[]>;
  requests: string[];
}

export const TRAP_SCRIPT = `(() => {
  const hits = [];
  Object.defineProperty(window, '__xssHits', { value: hits });
  for (const name of ['alert', 'confirm', 'prompt', 'print']) {
    const f = function (...a) { hits.push(name + '(' + a.map(String).join(',') + ')'); };
    try { Object.defineProperty(window, name, { value: f, writable: false, configurable: false }); } catch {}
  }
})();`;

export async function watchExecution(context: BrowserContext, page: Page, allowedOrigin: (url: string) => boolean): Promise<ExecutionLog> {
  await context.addInitScript({ content: TRAP_SCRIPT });
  const log: ExecutionLog = {
    dialogs: [],
    requests: [],
    traps: () => page.evaluate(() => [...((window as unknown as { __xssHits?: string[] }).__xssHits ?? [])]),
  };
  page.on('dialog', (d) => {
    log.dialogs.push(`${d.type()} ${d.message()}`);
    void d.dismiss();
  });
  context.on('request', (r) => {
    if (!allowedOrigin(r.url())) log.requests.push(r.url());
  });
  return log;
}

/** Fires the events payloads wait for on every element (focus, pointer, animation, toggle, load/error). */
export async function poke(page: Page): Promise<void> {
  await page.evaluate(() => {
    const events = ['focus', 'focusin', 'blur', 'mouseover', 'mouseenter', 'pointerenter', 'click', 'auxclick', 'animationstart', 'toggle', 'load', 'error', 'begin', 'wheel', 'keydown', 'scroll', 'change', 'play', 'resize'];
    for (const el of document.querySelectorAll('body *')) for (const type of events) el.dispatchEvent(new Event(type, { bubbles: false }));
  });
  await page.waitForTimeout(300);
}
