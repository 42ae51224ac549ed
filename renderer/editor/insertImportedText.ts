import type { Editor } from '@tiptap/core';
import { insertionPoint } from '../../shared/editor/insertAfterSelection';
import { blocksToNodes, textToBlocks } from '../../shared/import';
import { call } from '../lib/api';

export interface InsertedText {
  headings: number;
  recommendations: number;
}

/**
 * *Import text…* into the open chapter: the same recognition as importing a new chapter (tagged
 * paragraphs become recommendations with new ids and the directory's partner codes, title-like
 * lines headings), inserted at the cursor or after the selection, never in place of it.
 */
export async function insertImportedText(editor: Editor, text: string, opts: { allRecommendations: boolean }): Promise<InsertedText> {
  const directory = await call('partners.list', {});
  const blocks = textToBlocks(text, { allRecommendations: opts.allRecommendations });
  const { nodes } = blocksToNodes(blocks, directory);
  if (editor.isDestroyed) throw new Error('The chapter was closed before the text could be inserted.');
  if (nodes.length) editor.chain().focus().insertContentAt(insertionPoint(editor.state.selection), nodes).run();
  return { headings: blocks.filter((b) => b.kind === 'heading').length, recommendations: blocks.filter((b) => b.kind === 'recommendation').length };
}
