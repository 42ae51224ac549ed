import { join } from 'node:path';
import { importTextFile } from '../../electron/services/documents/importText';
import { createProject, type Project } from '../../electron/services/project/project';

export const SEED_000 = join(__dirname, '..', 'fixtures', 'seeds', '000_leicester_cyp_recommendations.txt');

/** A new project with seed 000 imported as its one chapter ("Children and young people"). */
export function seededProject(dir: string, opts: { allRecommendations?: boolean; name?: string } = {}): { project: Project; chapterId: string; path: string } {
  const path = join(dir, opts.name ?? 'seed.jsna');
  const project = createProject(path, 'Leicester CYP JSNA');
  const { chapterId } = importTextFile(project, SEED_000, { title: 'Children and young people', ...(opts.allRecommendations ? { allRecommendations: true } : {}) });
  return { project, chapterId, path };
}
