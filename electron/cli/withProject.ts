import { openProject, type Project } from '../services/project/project';

/** Opens a project for one CLI command and always closes it (releasing its lock). */
export async function withProject<T>(path: string, opts: { readOnly: boolean }, fn: (p: Project) => T | Promise<T>): Promise<T> {
  const project = openProject(path, opts);
  try {
    return await fn(project);
  } finally {
    project.close();
  }
}
