import { listBackups } from '../../services/backup/backupStore';
import { restoreBackup } from '../../services/backup/restoreBackup';
import { listChapters } from '../../services/documents/chapters';
import { importTextFile } from '../../services/documents/importText';
import { createProject } from '../../services/project/project';
import { type CliCommand, printJson } from '../command';
import { formatOption, requiredOption, stringOption } from '../options';
import { withProject } from '../withProject';
import { contract } from '../../../shared/api';
import { parseOrThrow } from '../parseOrThrow';

export const docCommands: CliCommand[] = [
  {
    name: 'doc new',
    summary: 'Create a new, empty JSNA project file.',
    usage: '<project.jsna> --title <text>',
    positionals: 1,
    options: { title: { type: 'string' } },
    run({ positionals, values }, io) {
      const input = parseOrThrow(contract['project.create'].input, { path: positionals[0], title: requiredOption(values, 'title') }, 'doc new');
      const project = createProject(input.path, input.title);
      const info = project.info();
      project.close();
      printJson(io, { path: info.path, title: info.title });
    },
  },
  {
    name: 'doc chapters',
    summary: "List a project's chapters in order.",
    usage: '<project.jsna> [--format json|text]',
    positionals: 1,
    options: { format: { type: 'string' } },
    async run({ positionals, values }, io) {
      const format = formatOption(values, ['json', 'text'] as const);
      const chapters = await withProject(positionals[0]!, { readOnly: true }, listChapters);
      if (format === 'json') printJson(io, chapters);
      else io.out(chapters.map((c) => `${c.position}. ${c.title}`).join('\n') + (chapters.length ? '\n' : ''));
    },
  },
  {
    name: 'doc import-text',
    summary: 'Add a chapter from a text file; paragraphs ending in partner tags like [CCG/UHL/LA] become recommendations.',
    usage: '<project.jsna> <file.txt> [--chapter <title>] [--all-recommendations]',
    positionals: 2,
    options: { chapter: { type: 'string' }, 'all-recommendations': { type: 'boolean' } },
    async run({ positionals, values }, io) {
      const title = stringOption(values, 'chapter');
      const result = await withProject(positionals[0]!, { readOnly: false }, (p) =>
        importTextFile(p, positionals[1]!, { ...(title ? { title } : {}), allRecommendations: values['all-recommendations'] === true }),
      );
      printJson(io, { chapter: result.chapter, headings: result.headings, recommendations: result.recommendations, ...(result.unknownPartners.length ? { unknownPartners: result.unknownPartners } : {}) });
    },
  },
  {
    name: 'doc backups',
    summary: "List a project's verified automatic backups, newest first.",
    usage: '<project.jsna> [--format json|text]',
    positionals: 1,
    options: { format: { type: 'string' } },
    run({ positionals, values }, io) {
      const format = formatOption(values, ['json', 'text'] as const);
      const backups = listBackups(positionals[0]!);
      if (format === 'json') printJson(io, backups);
      else io.out(backups.map((b) => `${b.takenAt}  ${b.path}`).join('\n') + (backups.length ? '\n' : ''));
    },
  },
  {
    name: 'doc restore',
    summary: 'Restore a project from its latest verified backup (or --backup <file>); the file it replaces is kept beside it as <name>.damaged-<time>.',
    usage: '<project.jsna> [--backup <file>]',
    positionals: 1,
    options: { backup: { type: 'string' } },
    run({ positionals, values }, io) {
      const backup = stringOption(values, 'backup');
      const result = restoreBackup(positionals[0]!, backup ? { backup } : {});
      printJson(io, result);
    },
  },
];
