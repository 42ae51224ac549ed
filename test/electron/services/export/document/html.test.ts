// The exported document is written already sanitised (document/html.ts + htmlPolicy.ts), without
// DOMPurify over the whole file. These tests hold that to DOMPurify's own verdict: with every node
// and mark of the schema, hostile text and hostile attributes everywhere (as a crafted project file
// could carry them, past the checks on save), DOMPurify with the export's rules finds nothing to
// change, and nothing in the file could run or fetch.
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { afterAll, describe, expect, it } from 'vitest';
import { addChapter } from '../../../../../electron/services/documents/chapters';
import { renderDocumentHtml } from '../../../../../electron/services/export/documentHtml';
import { EXPORT_CSP } from '../../../../../electron/services/export/document/head';
import { elementBuilder } from '../../../../../electron/services/export/document/dom';
import { htmlOf } from '../../../../../electron/services/export/document/html';
import { sanitizeDocumentHtml } from '../../../../../electron/services/export/sanitizeHtml';
import { createProject, type Project } from '../../../../../electron/services/project/project';
import { buildCorpus } from '../../../../reliability/xss/corpus';
import { useTempDir } from '../../../../helpers/tmp';

const CSP_META = `<meta http-equiv="Content-Security-Policy" content="${EXPORT_CSP}">`;
const corpus = buildCorpus().map((p) => p.text);
const SPECIAL = ['a\r\nb\rc', 'nul\u0000here', 'no\u00A0break', 'Tom & Jerry <b>"q"</b> \'s', ' padded ', 'a/>b', 'x-->y', ']]>', '</title><script>alert(1)</script>', '</style>'];
const HOSTILE = [...SPECIAL, ...corpus.slice(0, 120)];
const URLS = ['javascript:alert(1)', ' JaVaScRiPt:alert(2)', 'java\tscript:alert(3)', 'data:text/html,<script>alert(4)</script>', 'vbscript:msgbox(5)', 'https://example.org/a"b<c>', ' https://example.org/ ', 'mailto:x@example.org', '#figure-1', 'x/>y', '', 'tel:1', 'foo:bar'];

const text = (t: string, marks: unknown[] = []) => ({ type: 'text', text: t, ...(marks.length ? { marks } : {}) });
const para = (...content: unknown[]) => ({ type: 'paragraph', content });
const cell = (type: string, attrs: Record<string, unknown>, t: string) => ({ type, attrs, content: [para(text(t))] });

function hostileDoc(i: number) {
  const h = (k: number) => HOSTILE[(i * 7 + k) % HOSTILE.length]!;
  const url = (k: number) => URLS[(i + k) % URLS.length]!;
  const link = (k: number) => ({ type: 'link', attrs: { href: url(k), title: h(k + 1), class: h(k + 2), rel: h(k + 3), target: '_blank' } });
  return {
    type: 'doc',
    content: [
      { type: 'heading', attrs: { level: (i % 4) + 1 }, content: [text(h(0)), text(h(1), [{ type: 'bold' }])] },
      para(text(h(2)), text(h(3), [{ type: 'bold' }, { type: 'italic' }]), text(h(4), [{ type: 'bold' }]), { type: 'hardBreak' }, text(h(5), [link(0), { type: 'code' }]), text(h(6), [link(0)]), text(h(7), [{ type: 'strike' }, { type: 'underline' }])),
      { type: 'bulletList', content: [{ type: 'listItem', content: [para(text(h(8), [link(1)]))] }] },
      { type: 'orderedList', attrs: { start: [3, '"><img src=x onerror=alert(9)>', 'javascript:x', -1][i % 4], type: [null, 'a', '" onclick="x', 'javascript:x'][i % 4] }, content: [{ type: 'listItem', content: [para(text(h(9)))] }] },
      { type: 'codeBlock', attrs: { language: h(10) }, content: [text(h(11))] },
      { type: 'blockquote', content: [para(text(h(12)))] },
      { type: 'horizontalRule' },
      {
        type: 'table',
        content: [
          { type: 'tableRow', content: [cell('tableHeader', { colwidth: [100] }, h(13)), cell('tableHeader', { colwidth: ['x;background:url(http://e.test/)'], align: 'center' }, h(14))] },
          { type: 'tableRow', content: [cell('tableCell', { colspan: 2, rowspan: '"><b', align: h(15) }, h(16))] },
        ],
      },
      { type: 'recommendation', attrs: { id: h(17), partners: [h(18), 'LA'] }, content: [text(h(19), [link(2)])] },
      { type: 'chart', attrs: { id: h(20), title: h(21), caption: h(22) } },
    ],
  };
}

describe('the exported document is what DOMPurify would make of it', () => {
  const dir = useTempDir();
  let project: Project | null = null;
  afterAll(() => project?.close());

  it('with hostile text and attributes in every node and mark, DOMPurify changes nothing and nothing is active', async () => {
    project = createProject(join(dir(), 'hostile.jsna'), HOSTILE[3]!);
    project.setMeta('area', HOSTILE[8]!);
    project.setMeta('authors', HOSTILE[9]!);
    project.setMeta('version', HOSTILE[4]!);
    for (let i = 0; i < 12; i++) {
      const ch = addChapter(project, HOSTILE[i]!.replace(/[\u0000-\u001f]/g, ' '));
      // As a crafted file could hold it: past the checks chapters.save makes.
      project.db.prepare('UPDATE chapters SET doc = ? WHERE id = ?').run(JSON.stringify(hostileDoc(i)), ch.id);
    }
    const { html } = await renderDocumentHtml(project, null, { now: new Date('2026-11-24T12:00:00Z') });
    expect(html.startsWith(`<!DOCTYPE html>\n<html lang="en-GB"><head>${CSP_META}<meta charset="utf-8">`)).toBe(true);
    // DOMPurify writes the same "<!DOCTYPE html>\n…</html>\n" (the last line break is its, not the document's).
    const withoutCsp = html.replace(CSP_META, '');
    expect(sanitizeDocumentHtml(withoutCsp.slice(0, -1))).toBe(withoutCsp);
    // And read back as a browser would: only the export's own elements, no handlers, links only to safe places.
    const { document } = new JSDOM(html).window;
    const tags = new Set([...document.querySelectorAll('*')].map((e) => e.localName));
    expect([...tags].filter((t) => ['script', 'img', 'iframe', 'svg', 'math', 'style', 'object', 'embed', 'form', 'input', 'base', 'link', 'template', 'textarea', 'select'].includes(t))).toEqual(['style']);
    expect(document.querySelectorAll('style')).toHaveLength(1);
    const attrs = [...document.querySelectorAll('*')].flatMap((e) => e.getAttributeNames().map((a) => [e.localName, a, e.getAttribute(a) ?? ''] as const));
    expect(attrs.filter(([, a]) => /^on/i.test(a) || a === 'src' || a === 'srcset' || a === 'xlink:href')).toEqual([]);
    // Links: in-page, https, mailto, tel, or relative (no scheme, e.g. "x/>y", escaped): nothing that runs.
    expect(attrs.filter(([t, a, v]) => a === 'href' && (t !== 'a' || !/^(#|https:|mailto:|tel:|$)|^[^:]*$/.test(v)))).toEqual([]);
    expect(attrs.filter(([, a, v]) => a === 'style' && /url\(|@import|expression/i.test(v))).toEqual([]);
    expect(html.match(/<a [^>]*href="/g)?.length).toBeGreaterThan(0);
  });

  it('leaves out elements, attributes and values DOMPurify would remove', () => {
    const el = elementBuilder();
    const body = el(
      'body',
      {},
      el('div', { id: 'title', class: 'a', onclick: 'alert(1)', style: 'background: url(http://e.test/x)', 'data-x': 'y', for: 'z' }),
      el('a', { href: ' javascript:alert(1)' }, 'x'),
      el('a', { href: 'https://example.org/', title: 'x --> y' }, 'y'),
      el('script', {}, 'alert(1)'),
      el('iframe', { src: 'https://e.test/' }),
      el('p', {}, 'nul\u0000 and\r\nbreak'),
    );
    const out = htmlOf(el('html', { lang: 'en-GB' }, el('head', {}, el('meta', { 'http-equiv': 'refresh', content: '0' }), el('title', {}, 'a\u0000<b>')), body));
    expect(out).toBe(
      '<html lang="en-GB"><head><title>a\uFFFD&lt;b&gt;</title></head><body><div class="a" style="background: none" data-x="y"></div><a>x</a><a href="https://example.org/">y</a><p>nul and\nbreak</p></body></html>',
    );
    expect(sanitizeDocumentHtml(`<!DOCTYPE html>\n${out}`)).toBe(`<!DOCTYPE html>\n${out}\n`);
  });
});
