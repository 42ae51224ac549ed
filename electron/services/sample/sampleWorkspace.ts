import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DocJson } from '../../../shared/api/chapters';
import { addChapter } from '../documents/chapters';
import { createProject, type Project } from '../project/project';
import { resourcesDir } from '../resources';

interface SampleSpec {
  title: string;
  chapters: { title: string; doc: DocJson }[];
}

export const SAMPLE_PROJECT_FILE = 'Sample JSNA.jsna';

/** Writes a new copy of the bundled sample project to `targetPath` and returns it, open. */
export function createSampleProject(targetPath: string): Project {
  const spec = JSON.parse(readFileSync(join(resourcesDir(), 'sample', 'sample-project.json'), 'utf8')) as SampleSpec;
  const project = createProject(targetPath, spec.title);
  try {
    project.db.transaction(() => {
      for (const chapter of spec.chapters) addChapter(project, chapter.title, chapter.doc);
    })();
  } catch (e) {
    project.close();
    throw e;
  }
  return project;
}
