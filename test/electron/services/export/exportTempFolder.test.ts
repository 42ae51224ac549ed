import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { exportDocument } from '../../../../electron/services/export/exportDocument';
import { useSamplePrintFolder } from './helpers';

/** The export's own temp folder (for the HTML Chromium prints) refused, as on a full disk. */
let refuseExportFolder = false;
vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs')>();
  const mkdtempSync = ((prefix: string, options?: unknown) => {
    if (refuseExportFolder && /(^|[\\/])jsna-export-$/.test(prefix)) {
      throw Object.assign(new Error(`ENOSPC: no space left on device, mkdtemp '${prefix}XXXXXX'`), { code: 'ENOSPC' });
    }
    return real.mkdtempSync(prefix, options as never);
  }) as typeof real.mkdtempSync;
  return { ...real, default: { ...real, mkdtempSync }, mkdtempSync };
});

describe('a PDF export whose temp folder cannot be made', () => {
  const { mine, project, library, profiles } = useSamplePrintFolder('jsna-test-export-folder-');
  const chromiums = () =>
    execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' })
      .split('\n')
      .filter((l) => l.includes(join(mine, 'jsna-print-'))).length;

  afterAll(() => {
    refuseExportFolder = false;
  });

  it('fails with the reason and closes the Chromium it started (the CLI would otherwise not exit)', { timeout: 60_000 }, async () => {
    refuseExportFolder = true;
    await expect(exportDocument(project(), library(), { format: 'pdf' })).rejects.toThrow(/ENOSPC/);
    refuseExportFolder = false;
    expect(profiles()).toEqual([]);
    // Its processes a moment after its profile.
    await expect.poll(() => chromiums(), { timeout: 10_000 }).toBe(0);
  });

  it('kept warm (browser mode): lets go of the Chromium, which then closes when idle as after any export', { timeout: 60_000 }, async () => {
    const before = new Set(profiles());
    const started = () => profiles().filter((p) => !before.has(p));
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      refuseExportFolder = true;
      await expect(exportDocument(project(), library(), { format: 'pdf', keepPrinterWarm: true })).rejects.toThrow(/ENOSPC/);
      refuseExportFolder = false;
      expect(started()).toHaveLength(1);
      // A minute idle: closed (were the failed export still counted as printing, it would run on).
      await vi.advanceTimersByTimeAsync(61_000);
    } finally {
      vi.useRealTimers();
    }
    await expect.poll(() => started(), { timeout: 20_000 }).toEqual([]);
    await expect.poll(() => chromiums(), { timeout: 10_000 }).toBe(0);
  });
});
