import { describe, expect, it } from 'vitest';
import { sanitizeDocumentHtml, stripRemoteCss } from '../../../../electron/services/export/sanitizeHtml';

const page = (head: string, body: string) => `<!DOCTYPE html><html lang="en-GB"><head>${head}</head><body>${body}</body></html>`;

describe('sanitizeDocumentHtml', () => {
  it('keeps the document: doctype, lang, charset, title, style, tables with captions and scopes, figures and SVG', () => {
    const html = page(
      '<meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>A &amp; B</title><style>@media print { h2 { break-before: page } }</style>',
      '<main><h1 id="top">Title</h1><table><caption>Cap</caption><thead><tr><th scope="col">A</th></tr></thead><tbody><tr><th scope="row">r</th><td>1</td></tr></tbody></table>' +
        '<figure><svg role="img" aria-label="chart" viewBox="0 0 10 10"><title>chart</title><rect width="5" height="5" fill="#92D050"></rect></svg><figcaption>Figure 1</figcaption></figure>' +
        '<a href="#top">top</a> <a href="https://www.gov.uk/">GOV.UK</a> <time datetime="2026-03-31">31 March 2026</time></main>',
    );
    const out = sanitizeDocumentHtml(html);
    expect(out.startsWith('<!DOCTYPE html>\n<html lang="en-GB">')).toBe(true);
    for (const kept of [
      '<meta charset="utf-8">',
      '<meta name="viewport" content="width=device-width">',
      '<title>A &amp; B</title>',
      '<style>@media print { h2 { break-before: page } }</style>',
      '<caption>Cap</caption>',
      '<th scope="col">A</th>',
      '<th scope="row">r</th>',
      '<figcaption>Figure 1</figcaption>',
      '<rect width="5" height="5" fill="#92D050"></rect>',
      'aria-label="chart"',
      '<a href="#top">top</a>',
      '<a href="https://www.gov.uk/">GOV.UK</a>',
      '<time datetime="2026-03-31">',
    ]) {
      expect(out).toContain(kept);
    }
  });

  it('removes every kind of script, frames, forms, and remote loads', () => {
    const out = sanitizeDocumentHtml(
      page(
        '<meta http-equiv="refresh" content="0;url=https://evil.example/"><base href="https://evil.example/"><link rel="stylesheet" href="https://evil.example/x.css"><script>alert(1)</script><style>@import url("https://evil.example/a.css"); body { background: url(https://evil.example/t.png) } i { background: url(data:image/png;base64,AAAA) }</style>',
        '<h1 onclick="alert(1)">x</h1><img src="x" onerror="alert(1)"><a href="javascript:alert(1)">j</a><svg><script>alert(1)</script><a href="javascript:alert(2)"><text>t</text></a></svg>' +
          '<iframe src="https://evil.example/"></iframe><object data="x"></object><embed src="x"><form action="https://evil.example/"><input name="q"><button>go</button></form><p style="background:url(https://evil.example/p.png)">p</p><noscript><p>n</p></noscript>',
      ),
    );
    expect(out).not.toMatch(/<script|onclick|onerror|javascript:|<iframe|<object|<embed|<form|<input|<button|<base|<link|http-equiv|evil\.example|@import/i);
    expect(out).toContain('url(data:image/png;base64,AAAA)');
    expect(out).toContain('<h1>x</h1>');
  });

  it('strips remote CSS but not data: URIs', () => {
    expect(stripRemoteCss('@import "x.css"; a { b: url( "https://x/y" ) } c { d: url(data:,x) }')).toBe(' a { b: none } c { d: url(data:,x) }');
  });
});
