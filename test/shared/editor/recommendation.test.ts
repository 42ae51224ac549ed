// @vitest-environment jsdom
import { Editor, generateHTML, generateJSON } from '@tiptap/core';
import { afterEach, describe, expect, it } from 'vitest';
import { documentExtensions } from '../../../shared/editor/extensions';
import { partnerTag } from '../../../shared/editor/nodes/recommendation';
import { recommendationsInDoc } from '../../../shared/editor/recommendationsInDoc';

const rec = (id: string | null, text: string, partners: string[] = ['LA']) => ({
  type: 'recommendation',
  attrs: { id, partners },
  content: [{ type: 'text', text }],
});
const para = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });

let editor: Editor | null = null;
afterEach(() => {
  editor?.destroy();
  editor = null;
});

function open(content: object[]): Editor {
  editor = new Editor({ extensions: documentExtensions(), content: { type: 'doc', content } });
  return editor;
}
const ids = (e: Editor) => (e.getJSON().content ?? []).filter((n) => n.type === 'recommendation').map((n) => n.attrs?.id as string);
const textOf = (e: Editor, id: string) => e.state.doc.content.content.find((n) => n.attrs.id === id)?.textContent;

describe('recommendation node ids', () => {
  it('keeps its id while its text is edited', () => {
    const e = open([rec('rec-a', 'Reduce smoking in pregnancy')]);
    e.commands.setTextSelection(5);
    e.commands.insertContent('really ');
    expect(ids(e)).toEqual(['rec-a']);
    expect(textOf(e, 'rec-a')).toContain('really');
  });

  it('gives a copy a new id and leaves the original its own', () => {
    const e = open([rec('rec-a', 'Reduce smoking in pregnancy'), para('End')]);
    e.commands.insertContentAt(e.state.doc.content.size, rec('rec-a', 'Reduce smoking in pregnancy'));
    const [first, second] = ids(e);
    expect(first).toBe('rec-a');
    expect(second).toBeTruthy();
    expect(second).not.toBe('rec-a');
  });

  it('keeps the id of a recommendation moved by cut and paste, and of reordered ones', () => {
    const e = open([rec('rec-a', 'First'), para('Middle'), rec('rec-b', 'Second')]);
    // Cut the first recommendation and paste it at the end, as one transaction (as a drag or cut+paste does).
    const node = e.state.doc.child(0);
    const tr = e.state.tr.delete(0, node.nodeSize);
    tr.insert(tr.doc.content.size, node);
    e.view.dispatch(tr);
    expect(ids(e)).toEqual(['rec-b', 'rec-a']);
  });

  it('gives a recommendation without an id one, once', () => {
    const e = open([rec(null, 'No id yet')]);
    e.commands.insertContentAt(e.state.doc.content.size, para('x'));
    const [id] = ids(e);
    expect(id).toMatch(/\S{8,}/);
    e.commands.insertContentAt(e.state.doc.content.size, para('y'));
    expect(ids(e)).toEqual([id]);
  });

  it('round-trips id and partners through HTML (the clipboard and export path)', () => {
    const doc = { type: 'doc', content: [rec('rec-a', 'Commission a school nursing review', ['CCG', 'UHL', 'LA'])] };
    const html = generateHTML(doc, documentExtensions());
    expect(html).toContain('data-id="rec-a"');
    expect(html).toContain(partnerTag(['CCG', 'UHL', 'LA']));
    const back = generateJSON(html, documentExtensions());
    expect(back.content[0]).toMatchObject({ type: 'recommendation', attrs: { id: 'rec-a', partners: ['CCG', 'UHL', 'LA'] } });
    expect(back.content[0].content[0].text).toBe('Commission a school nursing review');
  });

  it('lists recommendations with the nearest heading above them', () => {
    const doc = {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Mental health' }] },
        rec('rec-a', 'Expand CAMHS', ['CCG']),
        { type: 'bulletList', content: [{ type: 'listItem', content: [rec('rec-b', 'Inside a list', [])] }] },
      ],
    };
    expect(recommendationsInDoc(doc as never)).toMatchObject([
      { id: 'rec-a', section: 'Mental health', partners: ['CCG'], text: 'Expand CAMHS' },
      { id: 'rec-b', section: 'Mental health', partners: [] },
    ]);
  });
});
