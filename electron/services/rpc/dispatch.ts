import { z } from 'zod';
import { contract, type MethodName, methodNames } from '../../../shared/api';
import { AppError, type Envelope } from '../../../shared/api/errors';
import type { CallContext, Handler } from './handler';
import { handlers } from './handlers';

const known = new Set<string>(methodNames);

export function isMethodName(name: string): name is MethodName {
  return known.has(name);
}

/** Turns a zod failure into one readable sentence naming each bad field. */
export function describeInputError(method: string, error: z.ZodError): string {
  const parts = error.issues.map((issue) => {
    const field = issue.path.length ? issue.path.join('.') : 'input';
    return `${field}: ${issue.message}`;
  });
  return `Invalid input for ${method}: ${parts.join('; ')}`;
}

/** Validates the raw input against the method's schema and calls its handler. Throws AppError. */
export async function dispatch(method: string, rawInput: unknown, ctx: CallContext): Promise<unknown> {
  if (!isMethodName(method)) throw new AppError('BAD_INPUT', `Unknown method "${method}".`);
  const parsed = contract[method].input.safeParse(rawInput ?? {});
  if (!parsed.success) throw new AppError('BAD_INPUT', describeInputError(method, parsed.error), { method });
  const handler = handlers[method] as Handler<MethodName>;
  return handler(parsed.data as never, ctx);
}

/** Converts anything thrown into a payload a transport can send; unexpected errors keep their message. */
export function toErrorPayload(e: unknown): AppError {
  if (e instanceof AppError) return e;
  const err = e as { code?: string; message?: string };
  if (typeof err?.code === 'string' && err.code.startsWith('SQLITE_READONLY')) {
    return new AppError('READ_ONLY', `The project is read-only: ${err.message ?? ''}`);
  }
  return new AppError('INTERNAL', err?.message ?? String(e));
}

/** dispatch() wrapped in the envelope both transports send. */
export async function dispatchEnvelope(method: string, rawInput: unknown, ctx: CallContext): Promise<Envelope<unknown>> {
  try {
    return { ok: true, result: await dispatch(method, rawInput, ctx) };
  } catch (e) {
    return { ok: false, error: toErrorPayload(e).toPayload() };
  }
}
