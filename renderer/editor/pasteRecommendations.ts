import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { blocksToNodes, textToBlocks } from '../../shared/import';

/**
 * Pasting plain text from an existing JSNA (Word, PDF, a web page): paragraphs that end in partner
 * tags like [CCG/ UHL/ LA] become recommendation nodes, normalised to the directory's codes.
 * Text without tags pastes as usual; our own copies (HTML from this editor) are left to tiptap.
 */
export const PasteRecommendations = Extension.create<{ directory: () => readonly { code: string }[] }>({
  name: 'pasteRecommendations',
  addOptions() {
    return { directory: () => [] };
  },
  addProseMirrorPlugins() {
    const editor = this.editor;
    const directory = this.options.directory;
    return [
      new Plugin({
        key: new PluginKey('pasteRecommendations'),
        props: {
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
