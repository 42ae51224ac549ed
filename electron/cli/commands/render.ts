import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { contract } from '../../../shared/api';
import { AppError } from '../../../shared/api/errors';
import { exportDocument } from '../../services/export/exportDocument';
import { checkExportTarget, writeExportFile } from '../../services/export/exportTarget';
import { chromiumPath } from '../../services/export/findChromium';
import { type Library, openLibrary } from '../../services/library/openLibrary';
import { type CliCommand, printJson } from '../command';
import { requiredOption, stringOption } from '../options';
import { parseOrThrow } from '../parseOrThrow';
import { resolveChapter } from '../chapterOption';
import { withProject } from '../withProject';

export const renderCommands: CliCommand[] = [
  {
    name: 'render',
    summary:
      'Export a project headless: one self-contained, accessible HTML file, a tagged A4 PDF printed by Chromium (found via JSNA_CHROMIUM or the usual install paths), or a Word file (DOCX).',
    usage: '<project.jsna> [--library <library.jsnalib>] [--chapter <title|id>]... --to html|pdf|docx --out <path>',
    positionals: 1,
    // --chapter (repeat it) exports only those chapters, by title (any case) or id as `doc chapters` names them; default all.
    options: { library: { type: 'string' }, to: { type: 'string' }, out: { type: 'string' }, chapter: { type: 'string', multiple: true } },
    async run({ positionals, values }, io) {
      const to = requiredOption(values, 'to');
      const input = parseOrThrow(contract['export.document'].input, { format: to, path: requiredOption(values, 'out') }, 'render --to');
      const out = resolve(input.path!);
      checkExportTarget(out, input.format);
      const explicitLibrary = stringOption(values, 'library');
      // No browser to print with: say how to get one before doing any work.
      if (input.format === 'pdf') chromiumPath();
      const chapterArgs = Array.isArray(values.chapter) ? values.chapter : undefined;
      const result = await withProject(positionals[0]!, { readOnly: true }, async (project) => {
        const chapterIds = chapterArgs?.map((raw) => resolveChapter(project, raw));
        const libraryPath = resolve(explicitLibrary ?? project.libraryPath);
        let library: Library | null = null;
        if (existsSync(libraryPath)) library = openLibrary(libraryPath, { readOnly: true });
        else if (explicitLibrary) throw new AppError('NOT_FOUND', `${libraryPath}: no such indicator library.`, { file: libraryPath });
        else io.err(`jsna render: warning: the project's indicator library ${libraryPath} does not exist; its charts will say they cannot be drawn. Pass --library to use another.\n`);
        try {
          return await exportDocument(project, library, { format: input.format, chapterIds });
        } finally {
          library?.close();
        }
      });
      writeExportFile(out, input.format, result.bytes);
      printJson(io, {
        format: result.format,
        out,
        bytes: result.bytes.length,
        charts: result.html.charts,
        figures: result.html.figures,
        recommendations: result.html.recommendations,
        ms: Math.round(result.ms),
      });
    },
  },
];
