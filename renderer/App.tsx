import { useCallback, useEffect, useState } from 'react';
import type { ProjectInfo } from '../shared/api';
import { api, onEvent } from './lib/api';
import { ProjectPicker } from './components/ProjectPicker';
import { ProjectView } from './components/ProjectView';

export function App() {
  const [project, setProject] = useState<ProjectInfo | null | undefined>(undefined);
  const [loadError, setLoadError] = useState<string | null>(null);

  const refresh = useCallback(() => {
    api['project.current']({}).then(setProject, (e: Error) => setLoadError(e.message));
  }, []);

  useEffect(() => {
    refresh();
    return onEvent((event) => {
      if (event.type === 'project-changed') refresh();
    });
  }, [refresh]);

  if (loadError) {
    return (
      <main className="centered">
        <h1>JSNA Studio</h1>
        <p role="alert">{loadError}</p>
      </main>
    );
  }
  if (project === undefined) return <main className="centered" aria-busy="true">Loading…</main>;
  if (project === null) return <ProjectPicker onOpened={setProject} />;
  return <ProjectView key={project.path} project={project} onClosed={() => setProject(null)} />;
}
