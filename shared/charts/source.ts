import type { IndicatorMeta, Vintage } from '../library/types';
import { ILLUSTRATIVE_NOTE, saysIllustrative } from './format';

/**
 * The source and vintage line under a chart, "Source: OHID Fingertips, data imported 2026-11-23.",
 * and the illustrative-data note when the indicators' data are not official and the source does not
 * say so already.
 */
export function sourceLine(indicators: readonly IndicatorMeta[], vintage: Vintage | null): { source: string; illustrativeNote: string | null } {
  const sources = [...new Set(indicators.map((m) => (m.source?.trim() || 'OHID Fingertips').replace(/[.\s]+$/, '')))];
  const imported = vintage ? `, data imported ${vintage.importedAt.slice(0, 10)}` : '';
  const illustrative = indicators.some((m) => m.illustrative) && !sources.every(saysIllustrative);
  return { source: `Source: ${sources.join('; ')}${imported}.`, illustrativeNote: illustrative ? ILLUSTRATIVE_NOTE : null };
}
