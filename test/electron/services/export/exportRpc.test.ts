import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExportHost, setExportHost } from '../../../../electron/services/export/jobs';
import { openProject } from '../../../../electron/services/project/project';
import { dispatch } from '../../../../electron/services/rpc/dispatch';
import { Session } from '../../../../electron/services/rpc/session';
import type { ExportResult } from '../../../../shared/api/export';
import type { ProgressEvent } from '../../../../shared/api/events';
import { sampleWorkspace } from './helpers';

/** export.document and export.cancel over the one RPC dispatch, as both transports call them. */
describe('export over RPC', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jsna-export-rpc-'));
  let session: Session;

  beforeAll(async () => {
    const ws = await sampleWorkspace(join(dir, 'ws'));
    session = new Session();
    session.setProject(openProject(ws.projectPath));
  });
  afterAll(() => {
    session?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const call = (input: unknown, extra: { jobId?: string } = {}) => dispatch('export.document', input, { session, ...extra }) as Promise<ExportResult>;

  it('browser mode without a path: returns the file for download, with progress events for its job', async () => {
    const events: ProgressEvent[] = [];
    const off = session.onEvent((e) => {
      if (e.type === 'progress') events.push(e);
    });
    const r = await call({ format: 'html' }, { jobId: 'job-1' });
    off();
    expect(r).toMatchObject({ status: 'download', format: 'html', filename: 'Children and young people JSNA (sample).html', mimeType: 'text/html;charset=utf-8', charts: 8, figures: 8, recommendations: 22 });
    if (r.status !== 'download') throw new Error('unreachable');
    const html = Buffer.from(r.base64, 'base64').toString('utf8');
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(r.bytes).toBe(Buffer.byteLength(html));
    expect(events.length).toBeGreaterThan(2);
    expect(events.every((e) => e.jobId === 'job-1')).toBe(true);
    expect(events.at(-1)).toMatchObject({ done: events.at(-1)!.total });
  });

  it('with a path: writes the file there', async () => {
    const path = join(dir, 'out.html');
    const r = await call({ format: 'html', path });
    expect(r).toMatchObject({ status: 'saved', path, opened: false });
    expect(readFileSync(path, 'utf8')).toMatch(/^<!DOCTYPE html>/);
  });

  it('export.cancel stops the running job: CANCELLED, and nothing written', async () => {
    const path = join(dir, 'cancelled.html');
    const off = session.onEvent((e) => {
      if (e.type === 'progress' && e.jobId === 'job-2' && e.done === 1) void dispatch('export.cancel', { jobId: 'job-2' }, { session });
    });
    const err = await call({ format: 'html', path }, { jobId: 'job-2' }).catch((e: unknown) => e as { code: string });
    off();
    expect(err).toMatchObject({ code: 'CANCELLED' });
    expect(existsSync(path)).toBe(false);
    expect(readdirSync(dir).filter((f) => f.includes('partial'))).toEqual([]);
    // Finished jobs are forgotten.
    expect(await dispatch('export.cancel', { jobId: 'job-2' }, { session })).toEqual({ cancelled: false });
  });

  it('in the app: asks its save dialog, prints with its engine, and opens the file when asked', async () => {
    const asked: string[] = [];
    const opened: string[] = [];
    let chosen: string | null = join(dir, 'board.pdf');
    const host: ExportHost = {
      chooseSavePath: async (format, suggested) => {
        asked.push(`${format}:${suggested}`);
        return chosen;
      },
      printPdf: async (htmlPath) => Buffer.from(`%PDF from ${readFileSync(htmlPath, 'utf8').length} chars`),
      openPath: async (p) => void opened.push(p),
    };
    setExportHost(session, host);
    try {
      const r = await call({ format: 'pdf', open: true });
      expect(asked).toEqual(['pdf:Children and young people JSNA (sample).pdf']);
      expect(r).toMatchObject({ status: 'saved', path: join(dir, 'board.pdf'), opened: true, format: 'pdf' });
      expect(readFileSync(join(dir, 'board.pdf'), 'utf8')).toMatch(/^%PDF from \d+ chars$/);
      expect(opened).toEqual([join(dir, 'board.pdf')]);
      // Closing the dialog exports nothing.
      chosen = null;
      expect(await call({ format: 'html' })).toEqual({ status: 'not-saved' });
    } finally {
      setExportHost(session, null);
    }
  });

  it('refuses a format it does not know', async () => {
    await expect(call({ format: 'odt' })).rejects.toMatchObject({ code: 'BAD_INPUT' });
  });
});
