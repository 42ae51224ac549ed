// @vitest-environment jsdom
import { Editor, generateHTML } from '@tiptap/core';
import { afterEach, describe, expect, it } from 'vitest';
import { documentExtensions } from '../../../shared/editor/extensions';
import { PasteRecommendations } from '../../../renderer/editor/pasteRecommendations';

// jsdom has no ClipboardEvent; ProseMirror's pasteHTML/pasteText only need one to exist.
globalThis.ClipboardEvent ??= class extends Event {} as unknown as typeof ClipboardEvent;
const clipboard = (data: Record<string, string>) =>
  Object.assign(new Event('paste'), { clipboardData: { getData: (type: string) => data[type] ?? '' } }) as unknown as ClipboardEvent;

let editor: Editor | null = null;
afterEach(() => {
  editor?.destroy();
  editor = null;
});

const rec = (id: string, text: string, partners: string[]) => ({ type: 'recommendation', attrs: { id, partners }, content: [{ type: 'text', text }] });
const recs = (e: Editor) => (e.getJSON().content ?? []).filter((n) => n.type === 'recommendation').map((n) => n.attrs as { id: string; partners: string[] });

function open(foreign: string[]): Editor {
  editor = new Editor({
    extensions: [...documentExtensions(), PasteRecommendations.configure({ directory: () => [{ code: 'CCG' }, { code: 'UHL' }, { code: 'LA' }], foreignIds: () => new Set(foreign) })],
    content: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Start' }] }, { type: 'paragraph' }] },
  });
  editor.commands.setTextSelection(editor.state.doc.content.size - 1); // the empty last paragraph
  return editor;
}
const htmlOf = (...nodes: object[]) => generateHTML({ type: 'doc', content: nodes }, documentExtensions());

describe('pasting recommendations', () => {
  it('gives a copy of a recommendation another chapter still shows a new id, and keeps a moved one’s id', () => {
    const e = open(['rec-elsewhere']);
    const html = htmlOf(rec('rec-elsewhere', 'Copied from chapter 1', ['LA']), rec('rec-moved', 'Cut from chapter 2', ['UHL']));
    e.view.pasteHTML(html, clipboard({ 'text/html': html }));
    const [copy, moved] = recs(e);
    expect(copy!.id).toBeTruthy();
    expect(copy!.id).not.toBe('rec-elsewhere');
    expect(copy!.partners).toEqual(['LA']);
    expect(moved).toEqual({ id: 'rec-moved', partners: ['UHL'] });
  });

  it('turns pasted plain text with trailing partner tags into recommendations with directory codes', () => {
    const e = open([]);
    const text = 'Reduce waiting times for CAMHS [ccg/ UHL & la].\n\nNo tags here.';
    e.view.pasteText(text, clipboard({ 'text/plain': text }));
    expect(recs(e)).toEqual([{ id: expect.any(String), partners: ['CCG', 'UHL', 'LA'] }]);
    expect(e.getText()).toContain('No tags here.');
  });
});
