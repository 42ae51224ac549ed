import { resolve } from 'node:path';
import { getMetadata, setMetadata } from '../../project/metadata';
import { listBackups } from '../../backup/backupStore';
import { restoreBackup } from '../../backup/restoreBackup';
import { createProject, openProject } from '../../project/project';
import type { HandlerSlice } from '../handler';

export const projectHandlers: HandlerSlice<
  'project.create' | 'project.open' | 'project.current' | 'project.close' | 'project.setLibraryPath' | 'project.metadata' | 'project.setMetadata' | 'project.backups' | 'project.restoreBackup'
> = {
  'project.create': ({ path, title }, { session }) => {
    const project = createProject(path, title);
    session.setProject(project);
    return project.info();
  },
  'project.open': ({ path, readOnly }, { session }) => {
    // Reopening the file we already hold: close it first so its lock is ours to take again.
    if (session.project && session.project.path === resolve(path)) session.setProject(null);
    const project = openProject(path, { readOnly });
    session.setProject(project);
    return project.info();
  },
  'project.backups': ({ path }) => listBackups(path),
  'project.restoreBackup': ({ path, backup }, { session }) => {
    if (session.project && session.project.path === resolve(path)) session.setProject(null);
    const restored = restoreBackup(path, backup ? { backup } : {});
    const project = openProject(restored.path);
    session.setProject(project);
    return { ...project.info(), restoredFrom: restored.backup, damagedKeptAs: restored.keptAs };
  },
  'project.current': (_input, { session }) => session.project?.info() ?? null,
  'project.close': (_input, { session }) => {
    session.setProject(null);
    return null;
  },
  'project.metadata': (_input, { session }) => getMetadata(session.requireProject()),
  'project.setMetadata': (meta, { session }) => {
    const project = session.requireProject();
    const saved = setMetadata(project, meta);
    session.recent.remember(project.path, saved.title);
    session.emit({ type: 'project-changed' }); // the top bar shows the title
    return saved;
  },
  'project.setLibraryPath': ({ path }, { session }) => {
    const project = session.requireProject();
    project.setMeta('library_path', resolve(path));
    session.emit({ type: 'library-changed' });
    return project.info();
  },
};
