import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { openProject } from '../../electron/services/project/project';
import { createSampleWorkspace } from '../../electron/services/sample/sampleWorkspace';
import { type BrowserMode, startBrowserMode } from './harness';

export interface SampleApp {
  app: BrowserMode;
  /** The sample workspace's project and library files. */
  ws: { projectPath: string; libraryPath: string };
}

/** A fresh copy of the sample workspace served in browser mode for the describe block (closed and removed after it). */
export function useSampleApp(prefix: string): () => SampleApp {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  let sample: SampleApp | null = null;
  beforeAll(async () => {
    const ws = await createSampleWorkspace(dir);
    sample = { ws, app: await startBrowserMode((session) => session.setProject(openProject(ws.projectPath))) };
  });
  afterAll(async () => {
    await sample?.app.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    if (!sample) throw new Error('the sample app is not started');
    return sample;
  };
}
