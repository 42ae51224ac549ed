import type { MethodName, MethodResult, ParsedInput } from '../../../shared/api';
import type { Session } from './session';

export interface CallContext {
  session: Session;
  /** Set by the caller for long jobs, so progress events can be matched to it. */
  jobId?: string;
  signal?: AbortSignal;
}

export type Handler<M extends MethodName> = (input: ParsedInput<M>, ctx: CallContext) => MethodResult<M> | Promise<MethodResult<M>>;

/** A per-domain slice of handlers; the slices are combined into one table in handlers.ts. */
export type HandlerSlice<K extends MethodName> = { [M in K]: Handler<M> };
