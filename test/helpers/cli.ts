import { runCli } from '../../electron/cli/run';

/** Runs the jsna CLI in-process, capturing what it prints. */
export async function jsna(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}
