import type { FocusTarget } from '../components/ProjectView';

/** The recommendations register (issue 5 builds it out). */
export function RegisterView(_props: { readOnly: boolean; onOpenRecommendation(target: FocusTarget): void }) {
  return (
    <main className="register">
      <h1>Recommendations register</h1>
    </main>
  );
}
