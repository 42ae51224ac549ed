import { AppError } from '../../shared/api/errors';
import { listChapters } from '../services/documents/chapters';
import type { Project } from '../services/project/project';

/**
 * A chapter named on the command line by its title (any case) or its id, as `doc chapters --format json`
 * lists them. A title two chapters share is refused, naming both ids: picking one would export or
 * list the other chapter's content without a word.
 */
export function resolveChapter(project: Project, raw: string, flag = 'chapter'): string {
  const chapters = listChapters(project);
  const byId = chapters.find((c) => c.id === raw);
  if (byId) return byId.id;
  const titled = chapters.filter((c) => c.title.toLowerCase() === raw.trim().toLowerCase());
  if (titled.length > 1) {
    throw new AppError(
      'BAD_INPUT',
      `--${flag}: ${titled.length} chapters have the title "${raw.trim()}" (${titled.map((c) => `${c.position}. "${c.title}", id ${c.id}`).join('; ')}). Name the one you mean by its id (doc chapters --format json lists them).`,
      { field: flag },
    );
  }
  const found = titled[0];
  if (!found) throw new AppError('NOT_FOUND', `--${flag}: no chapter titled or with id "${raw}". Chapters: ${chapters.map((c) => `"${c.title}"`).join(', ') || 'none'}.`, { field: flag });
  return found.id;
}
