import { AppError } from '../../../shared/api/errors';

/** A rejected input, named the way compilers do: `<file>:<line>: <what is wrong>`. */
export function lineError(file: string, line: number, what: string): AppError {
  return new AppError('BAD_INPUT', `${file}:${line}: ${what}`, { file, line });
}
