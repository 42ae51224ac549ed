import type { ProjectMetadata } from '../../../shared/api/project';
import type { Project } from './project';

const KEYS = ['title', 'area', 'authors', 'version'] as const;

/** The title page's fields as stored in the project file (project_meta). */
export function getMetadata(project: Project): ProjectMetadata {
  const [title, area, authors, version] = KEYS.map((k) => project.getMeta(k) ?? '');
  return { title: title!, area: area!, authors: authors!, version: version! };
}

/** Sets all four together: one transaction, so a failure leaves the file as it was. */
export function setMetadata(project: Project, meta: ProjectMetadata): ProjectMetadata {
  project.assertWritable();
  project.db.transaction(() => {
    for (const k of KEYS) project.setMeta(k, meta[k]);
  })();
  return getMetadata(project);
}
