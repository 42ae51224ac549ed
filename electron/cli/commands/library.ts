import { contract } from '../../../shared/api';
import { AppError } from '../../../shared/api/errors';
import { importToPath } from '../../services/library/importFiles';
import { listIndicators } from '../../services/library/indicators';
import { type Library, openLibrary } from '../../services/library/openLibrary';
import { queryChart } from '../../services/library/query';
import { listVintages, restoreVintage } from '../../services/library/vintages';
import { type CliCommand, printJson } from '../command';
import { formatOption, requiredOption, stringOption } from '../options';
import { parseOrThrow } from '../parseOrThrow';

function withLibrary<T>(path: string, fn: (library: Library) => T): T {
  const library = openLibrary(path, { readOnly: true });
  try {
    return fn(library);
  } finally {
    library.close();
  }
}

export const libraryCommands: CliCommand[] = [
  {
    name: 'library import',
    summary:
      'Import Fingertips or tidy CSV files (and an indicator metadata CSV) into an indicator library, creating it if missing. All files or none.',
    usage: '<library.jsnalib> <file.csv>... [--format fingertips|tidy] [--metadata <meta.csv>] [--dry-run]',
    positionals: [1, Infinity],
    options: { format: { type: 'string' }, metadata: { type: 'string' }, 'dry-run': { type: 'boolean' } },
    async run({ positionals, values }, io) {
      const [libraryPath, ...paths] = positionals as [string, ...string[]];
      const format = stringOption(values, 'format');
      if (format !== undefined && format !== 'fingertips' && format !== 'tidy') {
        throw new AppError('BAD_INPUT', `--format must be fingertips or tidy (got "${format}").`, { field: 'format' });
      }
      const input = parseOrThrow(contract['library.import'].input, { paths, format, metadataPath: stringOption(values, 'metadata') }, 'library import');
      const dryRun = values['dry-run'] === true;
      const summary = await importToPath(libraryPath, input.paths, { format: input.format, metadataPath: input.metadataPath, dryRun });
      const { rows, indicators, areas, vintages, added, updated, unchanged, changes, warnings } = summary;
      printJson(io, { rows, indicators, areas, vintages, added, updated, unchanged, ...(dryRun ? { dryRun, changes } : {}), warnings });
      for (const w of warnings) io.err(`warning: ${w}`);
    },
  },
  {
    name: 'library vintages',
    summary: 'List the vintages (imported files, restores) of a library or one indicator, newest first, with what each changed.',
    usage: '<library.jsnalib> [--indicator <id>] [--format json|text]',
    positionals: 1,
    options: { indicator: { type: 'string' }, format: { type: 'string' } },
    run({ positionals, values }, io) {
      const format = formatOption(values, ['json', 'text'] as const);
      const input = parseOrThrow(contract['library.vintages'].input, { indicatorId: stringOption(values, 'indicator') }, 'library vintages');
      const vintages = withLibrary(positionals[0]!, (lib) => listVintages(lib.db, input.indicatorId));
      if (format === 'json') printJson(io, vintages);
      else {
        io.out(
          vintages
            .map((v) => `${v.id}\t${v.indicatorId}\t${v.fileName}${v.restoredFrom ? ` (restore of ${v.restoredFrom})` : ''}\t${v.importedAt}\t+${v.added} ~${v.updated}\t${v.current} current`)
            .join('\n') + (vintages.length ? '\n' : ''),
        );
      }
    },
  },
  {
    name: 'library restore-vintage',
    summary: 'Put back the values as a vintage had them, as a new vintage (undo it by restoring the vintage that was newest before). Nothing is lost.',
    usage: '<library.jsnalib> <vintageId>',
    positionals: 2,
    options: {},
    run({ positionals }, io) {
      const input = parseOrThrow(contract['library.restoreVintage'].input, { vintageId: Number(positionals[1]) }, 'library restore-vintage');
      const library = openLibrary(positionals[0]!, { create: false });
      try {
        printJson(io, restoreVintage(library.db, input.vintageId));
      } finally {
        library.close();
      }
    },
  },
  {
    name: 'library indicators',
    summary: 'List the indicators in a library with their row counts and latest period.',
    usage: '<library.jsnalib> [--format json|text] [--search <words>] [--area <code>]',
    positionals: 1,
    options: { format: { type: 'string' }, search: { type: 'string' }, area: { type: 'string' } },
    run({ positionals, values }, io) {
      const format = formatOption(values, ['json', 'text'] as const);
      const input = parseOrThrow(
        contract['library.indicators'].input,
        { search: stringOption(values, 'search'), areaCode: stringOption(values, 'area') },
        'library indicators',
      );
      const indicators = withLibrary(positionals[0]!, (lib) => listIndicators(lib.db, input));
      if (format === 'json') {
        printJson(
          io,
          indicators.map(({ id, name, unit, polarity, valueType, rows, latestPeriod }) => ({ id, name, unit, polarity, valueType, rows, latestPeriod })),
        );
      } else {
        io.out(
          indicators
            .map((i) => `${i.id}\t${i.name}${i.illustrative ? ' [illustrative]' : ''}\t${i.rows} rows\tlatest ${i.latestPeriod ?? '-'}`)
            .join('\n') + (indicators.length ? '\n' : ''),
        );
      }
    },
  },
  {
    name: 'library query',
    summary: "One indicator's values for one area over all periods, with England (or --comparator) alongside and the significance.",
    usage:
      '<library.jsnalib> --indicator <id> --area <code> [--sex S] [--age A] [--category C] [--category-type T] [--comparator england|parent|<code>]',
    positionals: 1,
    options: {
      indicator: { type: 'string' },
      area: { type: 'string' },
      sex: { type: 'string' },
      age: { type: 'string' },
      category: { type: 'string' },
      'category-type': { type: 'string' },
      comparator: { type: 'string' },
    },
    run({ positionals, values }, io) {
      const input = parseOrThrow(
        contract['library.query'].input,
        {
          indicatorId: requiredOption(values, 'indicator'),
          areaCodes: [requiredOption(values, 'area')],
          sex: stringOption(values, 'sex'),
          age: stringOption(values, 'age'),
          category: stringOption(values, 'category'),
          categoryType: stringOption(values, 'category-type'),
          comparator: stringOption(values, 'comparator'),
        },
        'library query',
      );
      const data = withLibrary(positionals[0]!, (lib) => queryChart(lib.db, input));
      printJson(
        io,
        data.series[0]!.rows.map((r) => ({
          period: r.period,
          periodSortable: r.periodSortable,
          value: r.value,
          lowerCi95: r.lowerCi95,
          upperCi95: r.upperCi95,
          count: r.count,
          denominator: r.denominator,
          valueNote: r.valueNote,
          comparator: r.comparator,
          significance: r.significance,
          ciMethod: r.ciMethod,
          lower998: r.lower998,
          upper998: r.upper998,
          comparedEngland: r.comparedEngland,
          comparedParent: r.comparedParent,
          comparedGoal: r.comparedGoal,
          recentTrend: r.recentTrend,
        })),
      );
    },
  },
];
