import { JSDOM } from 'jsdom';
import { activeContent } from '../../electron/services/export/helpers';

/**
 * The export's own inertness check (test/electron/services/export/helpers.ts activeContent), with its
 * CSS test made DOM-aware: `@import` or `url(` count only inside <style> elements and style
 * attributes, not in paragraph text that merely says so (the corpus is full of such text).
 */
export function inertProblems(html: string): string[] {
  const problems = activeContent(html).filter((p) => p !== 'CSS fetch');
  const { document } = new JSDOM(html).window;
  const css = [...document.querySelectorAll('style')].map((s) => s.textContent ?? '');
  for (const el of document.querySelectorAll('[style]')) css.push(el.getAttribute('style') ?? '');
  if (css.some((c) => /@import|url\(\s*['"]?(?!data:|#)/i.test(c))) problems.push('CSS fetch');
  return problems;
}
