import type { AnyExtension } from '@tiptap/core';
import { TableKit } from '@tiptap/extension-table';
import StarterKit from '@tiptap/starter-kit';
import { Chart } from './nodes/chart';
import { Recommendation } from './nodes/recommendation';

/**
 * The one list of document extensions (schema only). The editor adds React node views on top
 * (renderer/editor/), export renders static HTML from this same list, so the two cannot drift.
 */
export function documentExtensions(): AnyExtension[] {
  return [
    StarterKit.configure({
      heading: { levels: [1, 2, 3, 4] },
      link: { openOnClick: false, autolink: true, protocols: ['http', 'https', 'mailto'], HTMLAttributes: { rel: 'noopener noreferrer', target: null } },
    }),
    TableKit.configure({ table: { resizable: false } }),
    Chart,
    Recommendation,
  ];
}
