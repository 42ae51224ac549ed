import { contract } from '../../../shared/api';
import { AppError } from '../../../shared/api/errors';
import { ENGLAND_AREA_TYPE, searchIndicators } from '../../services/fingertips/browse';
import { checkUpdates } from '../../services/fingertips/checkUpdates';
import { fetchToLibrary } from '../../services/fingertips/fetchData';
import { areaTypeNames, fingertipsClient } from '../../services/fingertips';
import { type CliCommand, type OptionValues, printJson } from '../command';
import { resolveBaseUrl } from '../../services/fingertips/baseUrl';
import { FingertipsClient } from '../../services/fingertips/client';
import { requiredOption, stringOption } from '../options';
import { parseOrThrow } from '../parseOrThrow';

/** England (15), as fingertips_py and fingertipsR default to. */
const DEFAULT_PARENT_AREA_TYPE = ENGLAND_AREA_TYPE;

const urlOption = { 'fingertips-url': { type: 'string' } } as const;
/** --fingertips-url, else JSNA_FINGERTIPS_URL, else the public service. */
function client(values: OptionValues): FingertipsClient {
  const flag = stringOption(values, 'fingertips-url');
  return flag ? new FingertipsClient(resolveBaseUrl(flag, {})) : fingertipsClient();
}

function idList(text: string, field: string): number[] {
  const parts = text.split(',').map((s) => s.trim()).filter(Boolean);
  if (parts.length === 0 || parts.some((p) => !/^\d+$/.test(p))) {
    throw new AppError('BAD_INPUT', `--${field} takes Fingertips IDs separated by commas, e.g. 93356,90361 (got "${text}").`, { field });
  }
  // "93356,93356" asks for one indicator once.
  return [...new Set(parts.map(Number))];
}

function whole(text: string | undefined, field: string, fallback?: number): number {
  if (text === undefined && fallback !== undefined) return fallback;
  if (text === undefined || !/^\d+$/.test(text.trim())) throw new AppError('BAD_INPUT', `--${field} takes a Fingertips area type ID, e.g. 402 (got "${text ?? ''}").`, { field });
  return Number(text);
}

export const fingertipsCommands: CliCommand[] = [
  {
    name: 'fingertips search',
    summary: 'Search the Fingertips API for indicators by words: their IDs, names and the area types they have.',
    usage: '<words>... [--fingertips-url <address>]',
    positionals: [1, Infinity],
    options: urlOption,
    async run({ positionals, values }, io) {
      const { words } = parseOrThrow(contract['fingertips.search'].input, { words: positionals.join(' ') }, 'fingertips search');
      printJson(io, await searchIndicators(client(values), words));
    },
  },
  {
    name: 'fingertips fetch',
    summary:
      'Fetch indicators from the Fingertips API into an indicator library (created if missing), as one import through the same checks as a downloaded file.',
    usage: '<library.jsnalib> --indicator <id>[,<id>…] --area-type <id> [--parent-area-type <id> (default 15, England)] [--fingertips-url <address>]',
    positionals: 1,
    options: { indicator: { type: 'string' }, 'area-type': { type: 'string' }, 'parent-area-type': { type: 'string' }, ...urlOption },
    async run({ positionals, values }, io) {
      const request = {
        indicatorIds: idList(requiredOption(values, 'indicator'), 'indicator'),
        areaTypeId: whole(requiredOption(values, 'area-type'), 'area-type'),
        parentAreaTypeId: whole(stringOption(values, 'parent-area-type'), 'parent-area-type', DEFAULT_PARENT_AREA_TYPE),
      };
      const { requests } = parseOrThrow(contract['fingertips.fetch'].input, { requests: [request] }, 'fingertips fetch');
      const c = client(values);
      const s = await fetchToLibrary(c, positionals[0]!, requests, { areaTypeNames: await areaTypeNames(c), createFolder: false });
      printJson(io, { rows: s.rows, indicators: s.indicators, areas: s.areas, metadataIndicators: s.metadataIndicators, vintages: s.vintages, requests: s.requests });
    },
  },
  {
    name: 'library check-updates',
    summary:
      'Ask the Fingertips API, for every indicator in the library fetched from it, whether a newer period or changed values exist, and which values the library has from each request that Fingertips no longer publishes (withdrawnValues; they stay in the library: an update deletes nothing). Changes nothing.',
    usage: '<library.jsnalib> [--fingertips-url <address>]',
    positionals: 1,
    options: urlOption,
    async run({ positionals, values }, io) {
      printJson(io, await checkUpdates(client(values), positionals[0]!));
    },
  },
];
