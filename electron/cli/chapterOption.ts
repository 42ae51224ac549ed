import { AppError } from '../../shared/api/errors';
import { listChapters } from '../services/documents/chapters';
import type { Project } from '../services/project/project';

/** A chapter named on the command line by its title (any case) or its id, as `doc chapters --format json` lists them. */
export function resolveChapter(project: Project, raw: string, flag = 'chapter'): string {
  const chapters = listChapters(project);
  const found = chapters.find((c) => c.id === raw) ?? chapters.find((c) => c.title.toLowerCase() === raw.trim().toLowerCase());
  if (!found) throw new AppError('NOT_FOUND', `--${flag}: no chapter titled or with id "${raw}". Chapters: ${chapters.map((c) => `"${c.title}"`).join(', ') || 'none'}.`, { field: flag });
  return found.id;
}
