import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startRpcServer } from './services/http/rpcServer';
import { recentProjectsFile, userDataDir } from './services/paths';
import { openProject } from './services/project/project';
import { stopWarmPrinter } from './services/export/warmPrinter';
import { Session } from './services/rpc/session';
import { createSampleWorkspace } from './services/sample/sampleWorkspace';

/**
 * Browser mode: `npm run serve [-- <project.jsna>] [--port N]`. Serves the built renderer and the
 * RPC on 127.0.0.1 only, and prints the URL (with its one-run token) to open.
 */
async function main() {
  const { values, positionals } = parseArgs({
    options: { port: { type: 'string' }, 'no-project': { type: 'boolean' } },
    allowPositionals: true,
  });
  // Chromium stays running between PDF exports, as the app's own print engine does (export/warmPrinter.ts).
  const session = new Session({ recentFile: recentProjectsFile(), keepPrinterWarm: true });
  if (!values['no-project']) {
    let path = positionals[0];
    // No project named: the sample workspace (project + its indicator library), made on first run.
    if (!path) path = (await createSampleWorkspace(userDataDir())).projectPath;
    session.setProject(openProject(resolve(path)));
  }
  const staticDir = resolve(__dirname, '..', 'renderer');
  if (!existsSync(join(staticDir, 'index.html'))) {
    throw new Error(`The renderer is not built (${staticDir}/index.html missing). Run "npm run build" first.`);
  }
  const server = await startRpcServer({ session, staticDir, ...(values.port ? { port: Number(values.port) } : {}) });
  process.stdout.write(`JSNA Studio (browser mode) is running.\nOpen this address in Chromium, Chrome, Edge or Firefox:\n\n  ${server.url}\n\nPress Ctrl+C to stop.\n`);
  const stop = () => {
    session.close();
    // The print Chromium closed (and its profile removed) before exiting: process.exit would leave the profile behind.
    void Promise.allSettled([stopWarmPrinter(), server.close()]).then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  process.stderr.write(`jsna serve: ${(e as Error).message}\n`);
  process.exit(1);
});
