import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportDocument } from '../../../../electron/services/export/exportDocument';
import { stopWarmPrinter } from '../../../../electron/services/export/warmPrinter';
import { useSamplePrintFolder } from './helpers';

const pageCount = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? []).length;

describe('a Chromium kept running between PDF exports (browser mode)', () => {
  const { mine, project, library, profiles } = useSamplePrintFolder('jsna-warm-print-');
  const chromiumsOf = (profile: string) =>
    execFileSync('ps', ['-eo', 'pid,args'], { encoding: 'utf8' })
      .split('\n')
      .filter((l) => l.includes(join(mine, profile)))
      .map((l) => Number(l.trim().split(/\s+/)[0]));
  const pdf = (signal?: AbortSignal, onProgress?: (label: string) => void) =>
    exportDocument(project(), library(), { format: 'pdf', keepPrinterWarm: true, signal, onProgress: (p) => onProgress?.(p.label) });


  it('starts Chromium once for three exports in a row, each PDF whole and sealed', { timeout: 120_000 }, async () => {
    const pages: number[] = [];
    for (let round = 0; round < 3; round++) {
      const r = await pdf();
      expect(r.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(r.bytes.toString('latin1')).toMatch(/%jsna-sha256 [0-9a-f]{64}\nstartxref\n\d+\n%%EOF\n$/);
      pages.push(pageCount(r.bytes));
      expect(profiles()).toHaveLength(1);
    }
    expect(pages[0]).toBeGreaterThan(1);
    expect(new Set(pages).size).toBe(1);
    expect(chromiumsOf(profiles()[0]!).length).toBeGreaterThan(0);
  });

  it('a cancel stops only its own export: another printing at the same time finishes, and Chromium stays for the next', { timeout: 120_000 }, async () => {
    const [profile] = profiles();
    const controller = new AbortController();
    const cancelled = pdf(controller.signal, (label) => label === 'Printing the PDF' && setTimeout(() => controller.abort(), 100));
    const other = pdf();
    await expect(cancelled).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(pageCount((await other).bytes)).toBeGreaterThan(1);
    expect(profiles()).toEqual([profile]);
    expect(pageCount((await pdf()).bytes)).toBeGreaterThan(1);
    expect(profiles()).toEqual([profile]);
  });

  it('after Chromium crashed, or was stopped, the next export starts another', { timeout: 120_000 }, async () => {
    const [first] = profiles();
    for (const pid of chromiumsOf(first!)) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone with its parent
      }
    }
    // Playwright notices the browser gone; the export after that starts a new one.
    await new Promise((r) => setTimeout(r, 500));
    expect(pageCount((await pdf()).bytes)).toBeGreaterThan(1);
    const [second] = profiles().filter((p) => p !== first);
    expect(second).toBeDefined();
    // The crashed one's profile is gone too.
    expect(profiles()).toEqual([second]);
    await stopWarmPrinter();
    expect(profiles().filter((p) => p === second)).toEqual([]);
    expect(chromiumsOf(second!)).toEqual([]);
    expect(pageCount((await pdf()).bytes)).toBeGreaterThan(1);
    expect(profiles().filter((p) => p !== second)).toHaveLength(1);
  });
});
