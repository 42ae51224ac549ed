import type { AnyExtension } from '@tiptap/core';
import { ReactNodeViewRenderer } from '@tiptap/react';
import { documentExtensions } from '../../shared/editor/extensions';
import { ChartView } from './ChartView';
import { PasteRecommendations } from './pasteRecommendations';
import { RecommendationView } from './RecommendationView';
import { SlashCommands } from './slashCommands';

type NodeViewComponent = Parameters<typeof ReactNodeViewRenderer>[0];

const views: Record<string, NodeViewComponent> = {
  recommendation: RecommendationView as unknown as NodeViewComponent,
  chart: ChartView as unknown as NodeViewComponent,
};

/** The shared document schema plus the editor-only parts: React node views, paste, slash commands. */
export function editorExtensions(directory: () => readonly { code: string }[], foreignIds: () => ReadonlySet<string> = () => new Set()): AnyExtension[] {
  const schema = documentExtensions().map((ext) => {
    const view = views[ext.name];
    return view ? (ext as AnyExtension & { extend: (c: object) => AnyExtension }).extend({ addNodeView: () => ReactNodeViewRenderer(view) }) : ext;
  });
  return [...schema, PasteRecommendations.configure({ directory, foreignIds }), SlashCommands];
}
