import { AppError } from '../../../shared/api/errors';

export const DEFAULT_FINGERTIPS_URL = 'https://fingertips.phe.org.uk/api';
/** The project setting (project meta key) that points the app at another Fingertips address. */
export const FINGERTIPS_URL_SETTING = 'fingertips_url';

/**
 * The Fingertips API address: `JSNA_FINGERTIPS_URL` if set, else the project's setting, else the
 * public service. Always http(s), without a trailing slash; paths are appended to it.
 */
export function resolveBaseUrl(setting?: string | null, env: NodeJS.ProcessEnv = process.env): string {
  const raw = (env.JSNA_FINGERTIPS_URL?.trim() || setting?.trim() || DEFAULT_FINGERTIPS_URL).replace(/\/+$/, '');
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new AppError('BAD_INPUT', `The Fingertips address ${JSON.stringify(raw)} is not a web address (e.g. ${DEFAULT_FINGERTIPS_URL}).`, { field: 'fingertipsUrl' });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new AppError('BAD_INPUT', `The Fingertips address must start with https:// or http:// (got ${JSON.stringify(raw)}).`, { field: 'fingertipsUrl' });
  }
  if (url.search || url.hash || url.username || url.password) {
    throw new AppError('BAD_INPUT', `The Fingertips address must be a plain address without a query, fragment or password (got ${JSON.stringify(raw)}).`, {
      field: 'fingertipsUrl',
    });
  }
  return raw;
}
