import { JSDOM } from 'jsdom';
import { type SampleWorkspace, createSampleWorkspace } from '../../../../electron/services/sample/sampleWorkspace';

/** A fresh sample workspace (project + sample library) in `dir`. */
export function sampleWorkspace(dir: string): Promise<SampleWorkspace> {
  return createSampleWorkspace(dir);
}

/**
 * Everything in an exported file that could run or fetch: <script>, on…= handlers, javascript: URLs,
 * and resource URLs (src, srcset, xlink:href, href of anything but a link) that are not in-page or
 * data: — each as a short description. An empty list means the file is inert and self-contained.
 */
export function activeContent(html: string): string[] {
  const problems: string[] = [];
  if (/<script/i.test(html)) problems.push('<script');
  for (const m of html.matchAll(/\son[a-z]+\s*=/gi)) problems.push(`handler ${m[0].trim()}`);
  if (/javascript:/i.test(html)) problems.push('javascript: URL');
  const { document } = new JSDOM(html).window;
  for (const el of document.querySelectorAll('*')) {
    for (const attr of el.getAttributeNames()) {
      const value = el.getAttribute(attr) ?? '';
      const isResource = attr === 'src' || attr === 'srcset' || attr === 'xlink:href' || attr === 'poster' || attr === 'data' || (attr === 'href' && el.localName !== 'a' && el.localName !== 'area');
      if (isResource && !value.startsWith('#') && !value.startsWith('data:')) problems.push(`<${el.localName} ${attr}="${value}">`);
    }
  }
  if (/@import|url\(\s*['"]?(?!data:)/i.test(html)) problems.push('CSS fetch');
  return problems;
}

export function count(html: string, re: RegExp): number {
  return [...html.matchAll(new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`))].length;
}
