import type { z } from 'zod';
import { chapterMethods } from './chapters';
import { chartMethods } from './charts';
import { exportMethods } from './export';
import { fileMethods } from './files';
import { fingertipsMethods } from './fingertips';
import { libraryMethods } from './library';
import type { MethodSpec } from './method';
import type { MethodName } from './methodNames';
import { partnerMethods } from './partners';
import { projectMethods } from './project';
import { registerMethods } from './register';

/** The whole contract: every method the renderer, the CLI and tests may call. */
export const contract = {
  ...projectMethods,
  ...fileMethods,
  ...chapterMethods,
  ...exportMethods,
  ...partnerMethods,
  ...registerMethods,
  ...libraryMethods,
  ...chartMethods,
  ...fingertipsMethods,
} satisfies Record<MethodName, MethodSpec<z.ZodType, unknown>>;

// Both directions: no method missing from methodNames, none extra.
type Extra = Exclude<keyof typeof contract, MethodName>;
const noExtraMethods: [Extra] extends [never] ? true : Extra = true;
void noExtraMethods;

export type Contract = typeof contract;
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type MethodResult<M extends MethodName> = Contract[M] extends MethodSpec<z.ZodType, infer R> ? R : never;

/** What the renderer sees: one async function per method. */
export type Api = { [M in MethodName]: (input: MethodInput<M>) => Promise<MethodResult<M>> };

export { methodNames, type MethodName } from './methodNames';
export * from './errors';
export * from './events';
export * from './project';
export * from './files';
export * from './chapters';
export * from './export';
export * from './partners';
export * from './register';
export * from './library';
export * from './fingertips';
