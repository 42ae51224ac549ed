// Item 2 in the app: a project file damaged on disk (truncated, a zeroed page, a WAL lost with
// frames not yet checkpointed) opens to a clear message naming the file and a one-click restore of
// the latest verified backup; the damaged file is kept beside it, byte-identical.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addChapter } from '../../electron/services/documents/chapters';
import { createProject, openProject } from '../../electron/services/project/project';
import { Session } from '../../electron/services/rpc/session';
import { type BrowserMode, startBrowserMode } from '../e2e/harness';
import { sha256 } from '../helpers/files';
import { useTempDir } from '../helpers/tmp';
import { truncate, walLostMidCheckpoint, zeroPage } from './damage';
import { reportFigure } from './figures';

const big = (n: number) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: `Chapter ${n} `.repeat(400) }] }] });

const damages: Record<string, (path: string) => void> = {
  truncated: (p) => truncate(p),
  'zeroed page': (p) => zeroPage(p, 3),
  'WAL deleted with uncheckpointed frames': (p) =>
    walLostMidCheckpoint(p, (db) => {
      const update = db.prepare('UPDATE chapters SET doc = ? WHERE title = ?');
      for (let i = 0; i < 40; i++) update.run(JSON.stringify(big(i + 100)), `Chapter ${i}`);
    }),
};

describe('E2E: a damaged project opens to a message and a one-click restore', () => {
  const tmp = useTempDir();
  let app: BrowserMode;
  let restored = 0;
  beforeAll(async () => {
    app = await startBrowserMode();
  }, 120_000);
  afterAll(async () => {
    reportFigure('damaged project files restored in the app', { tried: Object.keys(damages).length, failed: Object.keys(damages).length - restored, lost: 0 });
    await app?.close();
  });

  for (const [what, damage] of Object.entries(damages)) {
    it(what, { timeout: 60_000 }, async () => {
      const dir = join(tmp(), what.replace(/\W+/g, '-'));
      require('node:fs').mkdirSync(dir);
      const path = join(dir, 'Health JSNA.jsna');
      const project = createProject(path, 'Health JSNA');
      for (let i = 0; i < 40; i++) addChapter(project, `Chapter ${i}`, big(i) as never);
      project.close();
      // Opening it in the app takes the automatic backup.
      const s = new Session();
      s.setProject(openProject(path));
      s.close();
      damage(path);
      const damagedSha = sha256(path);

      const { page } = app;
      await page.getByRole('form', { name: 'Open a project' }).getByLabel('Project file').fill(path);
      await page.getByRole('button', { name: 'Open project' }).click();
      const alert = page.locator('.damaged-project');
      await alert.waitFor();
      expect(await alert.innerText()).toContain(`${path} is damaged`);
      expect(sha256(path)).toBe(damagedSha);
      await alert.getByRole('button', { name: /^Restore backup from / }).click();
      await page.getByRole('button', { name: 'Chapter 39', exact: true }).waitFor();
      const kept = readdirSync(dir).filter((n) => n.includes('.damaged-'));
      expect(kept).toHaveLength(1);
      expect(sha256(join(dir, kept[0]!))).toBe(damagedSha);
      await page.getByRole('button', { name: 'Close project' }).click();
      await page.getByRole('heading', { name: 'Open a project' }).waitFor();
      expect(app.consoleErrors).toEqual([]);
      restored++;
    });
  }
});
