import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { AppError } from '../../../shared/api/errors';
import { blocksToDoc, textToBlocks } from '../../../shared/import';
import type { Project } from '../project/project';
import { looksBinary, decodeText } from '../text/decodeText';
import { addChapter } from './chapters';

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
  return importTextAsChapter(project, text, { title, ...(opts.allRecommendations ? { allRecommendations: true } : {}) });
}
