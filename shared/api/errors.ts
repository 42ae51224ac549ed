/** Error codes every transport carries unchanged from the services to the UI and the CLI. */
export const errorCodes = [
  'BAD_INPUT',
  'NOT_FOUND',
  'NOT_A_PROJECT',
  'NOT_A_LIBRARY',
  'NEWER_VERSION',
  'DAMAGED',
  'LOCKED',
  'READ_ONLY',
  'NO_PROJECT',
  'CONFLICT',
  'CANCELLED',
  /** A web service (Fingertips) could not be reached or answered with an error. */
  'UNREACHABLE',
  'FORBIDDEN',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

/** The plain-object form of an error that crosses IPC or HTTP. */
export interface ErrorPayload {
  code: ErrorCode;
  message: string;
  details?: Record<string, unknown>;
}

/** An error a user can act on. Its message names the file, line or field that is wrong. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details?: Record<string, unknown>;
  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    if (details) this.details = details;
  }
  toPayload(): ErrorPayload {
    return this.details ? { code: this.code, message: this.message, details: this.details } : { code: this.code, message: this.message };
  }
  static fromPayload(p: ErrorPayload): AppError {
    return new AppError(p.code, p.message, p.details);
  }
}

/** Result envelope used by both transports. */
export type Envelope<T> = { ok: true; result: T } | { ok: false; error: ErrorPayload };
