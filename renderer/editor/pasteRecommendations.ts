import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { renewForeignIds } from '../../shared/editor/renewForeignIds';
import { blocksToNodes, textToBlocks } from '../../shared/import';

/**
 * Pasting plain text from an existing JSNA (Word, PDF, a web page): paragraphs that end in partner
 * tags like [CCG/ UHL/ LA] become recommendation nodes, normalised to the directory's codes.
 * Text without tags pastes as usual; our own copies (HTML from this editor) are left to tiptap.
 */
export const PasteRecommendations = Extension.create<{
  directory: () => readonly { code: string }[];
  /** Ids of recommendations that other chapters still show: pasted copies of them get new ids. */
  foreignIds: () => ReadonlySet<string>;
}>({
  name: 'pasteRecommendations',
  addOptions() {
    return { directory: () => [], foreignIds: () => new Set<string>() };
  },
  addProseMirrorPlugins() {
    const editor = this.editor;
    const directory = this.options.directory;
    const foreignIds = this.options.foreignIds;
    return [
      new Plugin({
        key: new PluginKey('pasteRecommendations'),
        props: {
          transformPasted: (slice) => renewForeignIds(slice, foreignIds()),
          handlePaste: (_view, event) => {
            const data = event.clipboardData;
            if (!data) return false;
            const html = data.getData('text/html');
            if (html.includes('data-type="recommendation"')) return false;
            const text = data.getData('text/plain');
            if (!text) return false;
            const blocks = textToBlocks(text);
            if (!blocks.some((b) => b.kind === 'recommendation')) return false;
            const { nodes } = blocksToNodes(blocks, directory());
            return editor.commands.insertContent(nodes);
          },
        },
      }),
    ];
  },
});
