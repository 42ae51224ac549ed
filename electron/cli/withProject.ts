import { AutoBackup } from '../services/backup/autoBackup';
import { openProject, type Project } from '../services/project/project';

/**
 * Opens a project for one CLI command and always closes it (releasing its lock). A command that
 * writes takes an automatic backup first, as the app does on open.
 */
export async function withProject<T>(path: string, opts: { readOnly: boolean }, fn: (p: Project) => T | Promise<T>): Promise<T> {
  const project = openProject(path, opts);
  try {
    if (!opts.readOnly) new AutoBackup(undefined, (e) => process.stderr.write(`jsna: automatic backup failed: ${e.message}\n`)).opened(project);
    return await fn(project);
  } finally {
    project.close();
  }
}
