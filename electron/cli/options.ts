import { AppError } from '../../shared/api/errors';
import type { OptionValues } from './command';

export function stringOption(values: OptionValues, name: string): string | undefined {
  const v = values[name];
  return typeof v === 'string' ? v : undefined;
}

export function requiredOption(values: OptionValues, name: string): string {
  const v = stringOption(values, name);
  if (v === undefined || v.trim() === '') throw new AppError('BAD_INPUT', `--${name} is required.`, { field: name });
  return v;
}

/** `--format` with an allowed list; the first is the default. */
export function formatOption<F extends string>(values: OptionValues, allowed: readonly F[]): F {
  const v = stringOption(values, 'format') ?? allowed[0]!;
  if (!(allowed as readonly string[]).includes(v)) {
    throw new AppError('BAD_INPUT', `--format must be one of ${allowed.join(', ')} (got "${v}").`, { field: 'format' });
  }
  return v as F;
}
