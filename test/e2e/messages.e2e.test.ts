import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserMode, startBrowserMode } from './harness';

describe('E2E: messages name what the user actually did', () => {
  let app: BrowserMode;
  beforeAll(async () => {
    app = await startBrowserMode();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('a page opened without the token names `npm start` (and `npm run serve`), every time it is opened', { timeout: 60_000 }, async () => {
    // A new tab has its own sessionStorage: no token.
    const page = await app.context.newPage();
    for (let i = 0; i < 3; i++) {
      await page.goto(`http://127.0.0.1:${app.server.port}/`);
      const alert = page.getByRole('alert');
      await alert.waitFor();
      const text = await alert.innerText();
      expect(text).toContain('"npm start"');
      expect(text).toContain('"npm run serve"');
      expect(text).toMatch(/one-time token/);
    }
    await page.close();
  });
});
