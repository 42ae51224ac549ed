import type { z } from 'zod';
import { AppError } from '../../shared/api/errors';
import { describeInputError } from '../services/rpc/dispatch';

/** Validates CLI input with the same zod schema the RPC contract uses. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, command: string): z.output<S> {
  const r = schema.safeParse(input);
  if (!r.success) throw new AppError('BAD_INPUT', describeInputError(command, r.error));
  return r.data;
}
