import type { ChapterSummary } from '../../shared/api/chapters';

/** Which chapters go into an export: one checkbox each, all ticked to begin with. */
export function ChapterChoice({
  chapters,
  chosen,
  onChange,
  disabled = false,
}: {
  chapters: readonly ChapterSummary[];
  chosen: ReadonlySet<string>;
  onChange(next: Set<string>): void;
  disabled?: boolean;
}) {
  const toggle = (id: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(id);
    else next.delete(id);
    onChange(next);
  };
  return (
    <fieldset className="export-chapters" disabled={disabled}>
      <legend>Chapters</legend>
      {chapters.map((c) => (
        <label key={c.id} className="checkbox">
          <input type="checkbox" checked={chosen.has(c.id)} onChange={(e) => toggle(c.id, e.target.checked)} /> {c.title}
        </label>
      ))}
      <p className="hint" aria-live="polite">
        {chosen.size === chapters.length ? `All ${chapters.length} chapters` : `${chosen.size} of ${chapters.length} chapters`}
        {chosen.size === 0 ? ': choose at least one to export.' : '.'}{' '}
        <button type="button" onClick={() => onChange(new Set(chapters.map((c) => c.id)))} disabled={chosen.size === chapters.length}>
          Choose all
        </button>
      </p>
    </fieldset>
  );
}

/** What to send: nothing when every chapter is chosen (the default, "all"), else the chosen ids. */
export function chapterIdsToExport(chapters: readonly ChapterSummary[], chosen: ReadonlySet<string>): string[] | undefined {
  if (chapters.every((c) => chosen.has(c.id))) return undefined;
  return chapters.filter((c) => chosen.has(c.id)).map((c) => c.id);
}
