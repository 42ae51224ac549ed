import type { Rag } from '../../shared/recommendations/status';

/** RAG in words; the coloured dot is only an extra. */
export function RagLabel({ rag }: { rag: Rag | null }) {
  if (!rag) return <span className="muted">Not set</span>;
  return <span className={`rag rag-${rag.toLowerCase()}`}>{rag}</span>;
}
