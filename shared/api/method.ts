import type { z } from 'zod';

/** One RPC method: a zod schema for its input and (type-only) its result. */
export interface MethodSpec<I extends z.ZodType, R> {
  input: I;
  /** Phantom: carries the result type; never read at run time. */
  result?: R;
}

export function method<R>() {
  return <I extends z.ZodType>(input: I): MethodSpec<I, R> => ({ input });
}
