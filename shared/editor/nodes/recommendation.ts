import { mergeAttributes, Node } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { newId } from '../../ids';
import { readAttribute } from '../readAttribute';

export interface RecommendationAttrs {
  /** Stable across edits, reordering, cut and paste; the register's history hangs on it. */
  id: string | null;
  /** Owning partner codes as in the project's directory, e.g. ["CCG", "UHL", "LA"]. Empty: needs an owner. */
  partners: string[];
}

/** "[CCG/UHL/LA]" — how a recommendation's owners are shown after its text. */
export function partnerTag(partners: string[]): string {
  return partners.length ? `[${partners.join('/')}]` : '[needs an owner]';
}

/** A recommendation node's owning partner codes from its attributes, whatever a stored document holds there. */
export function partnersOf(attrs: Record<string, unknown> | undefined): string[] {
  const partners = attrs?.partners;
  return Array.isArray(partners) ? partners.filter((p): p is string => typeof p === 'string') : [];
}

function parsePartners(raw: string | null): string[] {
  if (!raw) return [];
  return raw
    .split('/')
    .map((p) => p.trim())
    .filter(Boolean);
}

const idsKey = new PluginKey('recommendationIds');

/**
 * A recommendation: one paragraph of text owned by partners. Copy-paste creates a duplicate id;
 * this node's plugin gives the copy a new id and keeps the original's, so history stays with the
 * original text. Cut-and-paste (a move) keeps its id, because the original is gone.
 */
export const Recommendation = Node.create({
  name: 'recommendation',
  group: 'block',
  content: 'inline*',
  defining: true,

  addAttributes() {
    return {
      id: {
        default: null,
        parseHTML: (el) => readAttribute(el, 'data-id'),
        renderHTML: (attrs) => (attrs.id ? { 'data-id': attrs.id as string } : {}),
      },
      partners: {
        default: [],
        parseHTML: (el) => parsePartners(readAttribute(el, 'data-partners')),
        renderHTML: (attrs) => ({ 'data-partners': (attrs.partners as string[]).join('/') }),
      },
    };
  },

  parseHTML() {
    return [{ tag: 'div[data-type="recommendation"]', contentElement: '.recommendation-text' }];
  },

  renderHTML({ node, HTMLAttributes }) {
    const partners = node.attrs.partners as string[];
    return [
      'div',
      mergeAttributes(HTMLAttributes, { 'data-type': 'recommendation', class: partners.length ? 'recommendation' : 'recommendation needs-owner' }),
      ['span', { class: 'recommendation-text' }, 0],
      ' ',
      ['span', { class: 'partner-tags', 'data-partner-tags': '' }, partnerTag(partners)],
    ];
  },

  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: idsKey,
        appendTransaction: (transactions, _old, state) => {
          if (!transactions.some((t) => t.docChanged)) return null;
          const seen = new Set<string>();
          const tr = state.tr;
          state.doc.descendants((node, pos) => {
            // Recommendations are blocks: only block containers (lists, tables, quotes) can hold one.
            if (node.type.name !== this.name) return !node.isTextblock && !node.isAtom;
            const id = node.attrs.id as string | null;
            if (!id || seen.has(id)) {
              const fresh = newId();
              tr.setNodeMarkup(pos, undefined, { ...node.attrs, id: fresh });
              seen.add(fresh);
            } else {
              seen.add(id);
            }
            return false;
          });
          return tr.docChanged ? tr.setMeta('addToHistory', false) : null;
        },
      }),
    ];
  },
});
