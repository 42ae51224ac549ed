import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { jsna } from '../../helpers/cli';

describe('jsna render --to docx', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jsna-cli-docx-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes a Word file of the sample and says what went in', async () => {
    const demo = await jsna('demo', join(dir, 'workspace'));
    const project = (JSON.parse(demo.out) as { project: string }).project;
    const out = join(dir, 'sample.docx');
    const r = await jsna('render', project, '--to', 'docx', '--out', out);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ format: 'docx', out, charts: 8, figures: 8, recommendations: 22 });
    expect(readFileSync(out).subarray(0, 2).toString('latin1')).toBe('PK');
  }, 120_000);
});
