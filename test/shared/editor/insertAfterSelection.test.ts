// @vitest-environment jsdom
import { Editor } from '@tiptap/core';
import { afterEach, describe, expect, it } from 'vitest';
import { documentExtensions } from '../../../shared/editor/extensions';

const para = (text: string) => ({ type: 'paragraph', content: text ? [{ type: 'text', text }] : [] });
const chart = (areaCode: string) => ({ type: 'chart', attrs: { id: `c-${areaCode}`, areaCode } });

let editor: Editor | null = null;
afterEach(() => {
  editor?.destroy();
  editor = null;
});
function open(content: object[]): Editor {
  editor = new Editor({ extensions: documentExtensions(), content: { type: 'doc', content } });
  return editor;
}
const shape = (e: Editor) => (e.getJSON().content ?? []).map((n) => (n.type === 'chart' ? `chart:${String(n.attrs?.areaCode)}` : `${n.type}:${n.content?.map((c) => (c as { text?: string }).text).join('') ?? ''}`));

describe('insertChart goes after the selection, never in place of it', () => {
  it('after a selected chart, three times in a row', () => {
    const e = open([para('Intro'), chart('A')]);
    e.commands.setNodeSelection(7);
    for (const area of ['B', 'C', 'D']) e.commands.insertChart({ areaCode: area });
    expect(shape(e).filter((s) => s.startsWith('chart'))).toEqual(['chart:A', 'chart:B', 'chart:C', 'chart:D']);
  });
  it('after the paragraph holding a text selection, the text kept', () => {
    const e = open([para('Keep this text'), para('Next')]);
    e.commands.setTextSelection({ from: 2, to: 6 });
    e.commands.insertChart({ areaCode: 'A' });
    expect(shape(e).slice(0, 3)).toEqual(['paragraph:Keep this text', 'chart:A', 'paragraph:Next']);
  });
  it('before the line with the cursor at its start; at the cursor in the middle; into an empty line', () => {
    const e = open([para('First'), para(''), para('Last')]);
    e.commands.setTextSelection(1);
    e.commands.insertChart({ areaCode: 'A' });
    expect(shape(e).slice(0, 2)).toEqual(['chart:A', 'paragraph:First']);
    e.commands.setTextSelection(e.state.doc.content.size - 3);
    e.commands.insertChart({ areaCode: 'B' });
    expect(shape(e).slice(-3)).toEqual(['paragraph:La', 'chart:B', 'paragraph:st']);
    const empty = shape(e).indexOf('paragraph:');
    let pos = 0;
    e.state.doc.forEach((n, offset, i) => {
      if (i === empty) pos = offset + 1;
    });
    e.commands.setTextSelection(pos);
    e.commands.insertChart({ areaCode: 'C' });
    expect(shape(e)).not.toContain('paragraph:');
    expect(shape(e)).toContain('chart:C');
  });
  it('after a selected whole document (select all)', () => {
    const e = open([para('One'), para('Two')]);
    e.commands.selectAll();
    e.commands.insertChart({ areaCode: 'A' });
    expect(shape(e).slice(0, 3)).toEqual(['paragraph:One', 'paragraph:Two', 'chart:A']);
  });
});
