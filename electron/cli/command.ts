import type { ParseArgsConfig } from 'node:util';

export type OptionValues = Record<string, string | boolean | string[] | undefined>;

export interface CliIO {
  out(text: string): void;
  err(text: string): void;
}

/** One `jsna` command, e.g. name "doc new". Commands are grouped per domain in commands/*.ts. */
export interface CliCommand {
  name: string;
  summary: string;
  /** Shown by `help`: arguments after the name, e.g. "<project.jsna> --title <text>". */
  usage: string;
  options?: NonNullable<ParseArgsConfig['options']>;
  /** Exact number of positional arguments, or [min, max] (max Infinity for lists). */
  positionals: number | [number, number];
  run(args: { positionals: string[]; values: OptionValues }, io: CliIO): Promise<void> | void;
}

/** Prints JSON the way every command does: one value, two-space indent, trailing newline. */
export function printJson(io: CliIO, value: unknown): void {
  io.out(`${JSON.stringify(value, null, 2)}\n`);
}
