import createDOMPurify, { type DOMPurify } from 'dompurify';
import { JSDOM } from 'jsdom';

/**
 * Sanitises a whole HTML document before it is written for others to open (action lists now, the
 * published JSNA later). DOMPurify on jsdom, so it runs in the CLI and tests exactly as in the app.
 *
 * Kept: the document structure (html lang, head, meta charset/name, title, style), text, tables,
 * figures, inline SVG, links with safe URLs. Removed: script in every form (elements, event handler
 * attributes, javascript: URLs), iframes, objects, embeds, forms, base, link, and any CSS that
 * could fetch from elsewhere (@import, url() other than data:). The result starts <!DOCTYPE html>.
 */

let purifier: DOMPurify | null = null;

function instance(): DOMPurify {
  if (!purifier) {
    const { window } = new JSDOM('');
    purifier = createDOMPurify(window as unknown as Parameters<typeof createDOMPurify>[0]);
    purifier.addHook('uponSanitizeElement', (node, data) => {
      // A <meta> may only declare the charset or carry a name (viewport, description, generator).
      if (data.tagName === 'meta') {
        const el = node as unknown as { hasAttribute(n: string): boolean; remove(): void };
        if (el.hasAttribute('http-equiv') || !(el.hasAttribute('charset') || el.hasAttribute('name'))) el.remove();
      }
      if (data.tagName === 'style') {
        const el = node as unknown as { textContent: string | null };
        el.textContent = stripRemoteCss(el.textContent ?? '');
      }
    });
    purifier.addHook('uponSanitizeAttribute', (node, data) => {
      // Nothing may be fetched from elsewhere: resource URLs must be in-page (#id) or data: images.
      // Links (<a href>, <area href>) may point anywhere safe: following one is the reader's choice.
      const tag = (node as unknown as { localName?: string }).localName ?? '';
      if (isResourceUrlAttribute(tag, data.attrName) && !isLocalResourceUrl(data.attrValue)) data.keepAttr = false;
    });
    purifier.addHook('afterSanitizeAttributes', (node) => {
      const el = node as unknown as { hasAttribute(n: string): boolean; getAttribute(n: string): string | null; setAttribute(n: string, v: string): void };
      if (el.hasAttribute?.('style')) el.setAttribute('style', stripRemoteCss(el.getAttribute('style') ?? ''));
    });
  }
  return purifier;
}

const RESOURCE_ATTRIBUTES = new Set(['src', 'srcset', 'poster', 'data', 'background', 'lowsrc', 'dynsrc', 'action', 'formaction', 'xlink:href', 'href', 'ping', 'cite', 'longdesc', 'manifest', 'codebase', 'archive', 'profile']);

/** Is this attribute of this element a URL the browser would fetch (not a link the reader follows)? */
export function isResourceUrlAttribute(tagName: string, attrName: string): boolean {
  const name = attrName.toLowerCase();
  if (!RESOURCE_ATTRIBUTES.has(name)) return false;
  const tag = tagName.toLowerCase();
  if ((name === 'href' || name === 'ping') && (tag === 'a' || tag === 'area')) return name === 'ping';
  // cite is an un-fetched reference on blockquote/q/del/ins: keep it like a link.
  if (name === 'cite') return false;
  return true;
}

/** An in-page reference ("#figure-1") or an inline image (data:image/…, not SVG, which could carry script). */
export function isLocalResourceUrl(value: string): boolean {
  const v = value.trim();
  return v.startsWith('#') || /^data:image\/(?:png|jpe?g|gif|webp|avif);/i.test(v);
}

/** Removes @import rules and url() references that are not data: URIs. */
export function stripRemoteCss(css: string): string {
  return css.replace(/@import\b[^;]*;?/gi, '').replace(/url\(\s*(['"]?)(?!data:)[^)]*\)/gi, 'none');
}

export const FORBID_TAGS = ['script', 'iframe', 'object', 'embed', 'form', 'input', 'button', 'textarea', 'select', 'base', 'link', 'frame', 'frameset', 'noscript'];

const DOCUMENT_CONFIG = {
  WHOLE_DOCUMENT: true,
  ADD_TAGS: ['meta', 'style', 'title'],
  ADD_ATTR: ['charset', 'content'],
  FORBID_TAGS,
  RETURN_TRUSTED_TYPE: false as const,
};

export function sanitizeDocumentHtml(html: string): string {
  const clean = instance().sanitize(html, DOCUMENT_CONFIG);
  return `<!DOCTYPE html>\n${clean}\n`;
}

let attributeChecker: DOMPurify | null = null;

/**
 * DOMPurify's own verdict on one attribute of a document under sanitizeDocumentHtml's rules
 * (its isValidAttribute: allowed names, safe URLs, markup break-outs, DOM clobbering), without
 * parsing anything: for a document that is written already sanitised (export/document/html.ts).
 * A separate instance, because a set config would override the configs passed to sanitize().
 */
export function isAllowedAttribute(tag: string, name: string, value: string): boolean {
  if (!attributeChecker) {
    const { window } = new JSDOM('');
    attributeChecker = createDOMPurify(window as unknown as Parameters<typeof createDOMPurify>[0]);
    attributeChecker.setConfig(DOCUMENT_CONFIG);
  }
  return attributeChecker.isValidAttribute(tag, name, value);
}

/**
 * The same rules for a piece of a document's body (e.g. one chart's SVG), so a large document can be
 * sanitised piece by piece. No <style>, <meta> or <title> here: those belong to the document's head.
 */
export function sanitizeFragmentHtml(html: string): string {
  return instance().sanitize(html, {
    FORBID_TAGS: [...FORBID_TAGS, 'style', 'meta', 'title'],
    RETURN_TRUSTED_TYPE: false,
  });
}
