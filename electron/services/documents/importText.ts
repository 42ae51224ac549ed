import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { AppError } from '../../../shared/api/errors';
import { blocksToDoc, textToBlocks } from '../../../shared/import';
import type { Project } from '../project/project';
import { looksBinary, decodeText } from '../text/decodeText';
import { addChapter, listChapters } from './chapters';

export interface ImportTextResult {
  chapter: string;
  chapterId: string;
  headings: number;
  recommendations: number;
  /** Partner codes found in tags that are not in the project's directory (kept as written). */
  unknownPartners: string[];
}

export function partnerDirectoryCodes(project: Project): { code: string }[] {
  return project.db.prepare('SELECT code FROM partners ORDER BY position, code').all() as { code: string }[];
}

/** Adds a chapter made from plain text (pasted or a .txt file), recognising tagged recommendations. */
export function importTextAsChapter(project: Project, text: string, opts: { title: string; allRecommendations?: boolean }): ImportTextResult {
  const blocks = textToBlocks(text, { allRecommendations: opts.allRecommendations ?? false });
  const { doc, unknownPartners } = blocksToDoc(blocks, partnerDirectoryCodes(project));
  const chapter = addChapter(project, opts.title, doc);
  return {
    chapter: chapter.title,
    chapterId: chapter.id,
    headings: blocks.filter((b) => b.kind === 'heading').length,
    recommendations: blocks.filter((b) => b.kind === 'recommendation').length,
    unknownPartners,
  };
}

export function importTextFile(project: Project, file: string, opts: { title?: string; allRecommendations?: boolean }): ImportTextResult {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new AppError(code === 'ENOENT' ? 'NOT_FOUND' : 'BAD_INPUT', `${file}: ${code === 'ENOENT' ? 'no such file' : (e as Error).message}.`, { file });
  }
  if (looksBinary(bytes)) throw new AppError('BAD_INPUT', `${file}: not a text file (it contains binary data).`, { file });
  const { text } = decodeText(bytes);
  if (!text.trim()) throw new AppError('BAD_INPUT', `${file}: the file is empty.`, { file });
  const title = opts.title?.trim() || basename(file, extname(file));
  // Checked and added in one transaction, so a second writer cannot slip the same title in between.
  return project.db.transaction(() => {
    refuseTakenTitle(project, title, opts.title?.trim() ? 'given' : 'file');
    return importTextAsChapter(project, text, { title, ...(opts.allRecommendations ? { allRecommendations: true } : {}) });
  })();
}

/**
 * A file import never makes a second chapter of a title the project has already (compared as
 * `--chapter` names chapters: trimmed, any case): `render`/`recs --chapter <title>` would then refuse
 * that title as ambiguous, and replacing the chapter the analyst already has is not ours to do.
 */
function refuseTakenTitle(project: Project, title: string, from: 'given' | 'file'): void {
  const wanted = title.trim().toLowerCase();
  const existing = listChapters(project).find((c) => c.title.trim().toLowerCase() === wanted);
  if (!existing) return;
  throw new AppError(
    'CONFLICT',
    `the project already has a chapter titled "${existing.title}" (${existing.position}. in the list, id ${existing.id})${from === 'file' ? ", and the new chapter's title comes from the file's name" : ''}. ` +
      'Nothing was imported and the existing chapter is unchanged. Give the new chapter another title with --chapter <title>, ' +
      'or rename or delete the existing chapter in the app first.',
    { field: 'chapter', chapterId: existing.id },
  );
}
