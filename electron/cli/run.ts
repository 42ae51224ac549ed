import { parseArgs } from 'node:util';
import { AppError, type ErrorCode } from '../../shared/api/errors';
import type { CliCommand, CliIO } from './command';
import { commands } from './commands';

/** Exit 2: the input was wrong (bad arguments, wrong kind of file, missing file) or refused as things stand (a partner code still in use). Exit 1: anything else. */
const BAD_INPUT_CODES = new Set<ErrorCode>(['BAD_INPUT', 'NOT_FOUND', 'NOT_A_PROJECT', 'NOT_A_LIBRARY', 'NEWER_VERSION', 'DAMAGED', 'CONFLICT']);

export function helpText(): string {
  const lines = ['Usage: jsna <command> [arguments]', '', 'Commands:'];
  for (const c of [...commands].sort((a, b) => a.name.localeCompare(b.name))) {
    lines.push(`  ${c.name} ${c.usage}`.trimEnd(), `      ${c.summary}`);
  }
  lines.push('  help', '      Show this list.', '');
  lines.push('Errors go to stderr; the exit code is 2 for bad input, 1 for other failures.');
  return `${lines.join('\n')}\n`;
}

function findCommand(argv: string[]): { command: CliCommand; rest: string[] } | null {
  // Longest name first, so "recs set-status" wins over "recs".
  const sorted = [...commands].sort((a, b) => b.name.split(' ').length - a.name.split(' ').length);
  for (const command of sorted) {
    const words = command.name.split(' ');
    if (words.every((w, i) => argv[i] === w)) return { command, rest: argv.slice(words.length) };
  }
  return null;
}

export async function runCli(argv: string[], io: CliIO): Promise<number> {
  if (argv.length === 0 || argv[0] === 'help' || argv[0] === '--help' || argv[0] === '-h') {
    io.out(helpText());
    return 0;
  }
  const found = findCommand(argv);
  if (!found) {
    io.err(`jsna: unknown command "${argv.join(' ')}". Run "jsna help" for the list.\n`);
    return 2;
  }
  const { command, rest } = found;
  try {
    let parsed;
    try {
      parsed = parseArgs({ args: rest, options: command.options ?? {}, allowPositionals: true, strict: true });
    } catch (e) {
      throw new AppError('BAD_INPUT', `${(e as Error).message}\nUsage: jsna ${command.name} ${command.usage}`);
    }
    const [min, max] = typeof command.positionals === 'number' ? [command.positionals, command.positionals] : command.positionals;
    if (parsed.positionals.length < min || parsed.positionals.length > max) {
      throw new AppError('BAD_INPUT', `wrong number of arguments.\nUsage: jsna ${command.name} ${command.usage}`);
    }
    await command.run({ positionals: parsed.positionals, values: parsed.values as Record<string, string | boolean | string[] | undefined> }, io);
    return 0;
  } catch (e) {
    if (e instanceof AppError) {
      io.err(`jsna ${command.name}: ${e.message}\n`);
      return BAD_INPUT_CODES.has(e.code) ? 2 : 1;
    }
    io.err(`jsna ${command.name}: unexpected error: ${(e as Error).stack ?? String(e)}\n`);
    return 1;
  }
}
