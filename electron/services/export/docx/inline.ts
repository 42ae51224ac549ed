import type { Mark, Node as PMNode } from '@tiptap/pm/model';
import { ExternalHyperlink, type IRunOptions, type ParagraphChild, TextRun } from 'docx';
import { safeLink, wordText } from './text';

/** A text node's marks as Word run properties (bold, italic, underline, strike, code). */
function runOptions(marks: readonly Mark[]): Partial<IRunOptions> {
  const o: { bold?: boolean; italics?: boolean; underline?: object; strike?: boolean; font?: string; style?: string } = {};
  for (const m of marks) {
    if (m.type.name === 'bold') o.bold = true;
    else if (m.type.name === 'italic') o.italics = true;
    else if (m.type.name === 'underline') o.underline = {};
    else if (m.type.name === 'strike') o.strike = true;
    else if (m.type.name === 'code') o.font = 'Courier New';
  }
  return o as Partial<IRunOptions>;
}

/** A block's inline content (text with marks, hard breaks, links) as Word runs. */
export function inlineRuns(node: PMNode, extra: Partial<IRunOptions> = {}): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  node.forEach((child) => {
    if (child.type.name === 'hardBreak') {
      out.push(new TextRun({ break: 1 }));
      return;
    }
    if (!child.isText) {
      if (child.textContent) out.push(new TextRun({ ...extra, text: wordText(child.textContent) }));
      return;
    }
    const run = new TextRun({ ...extra, ...runOptions(child.marks), text: wordText(child.text ?? '') });
    const link = child.marks.find((m) => m.type.name === 'link');
    const href = link ? safeLink(link.attrs.href) : null;
    if (href) out.push(new ExternalHyperlink({ link: href, children: [new TextRun({ ...extra, ...runOptions(child.marks), style: 'Hyperlink', text: wordText(child.text ?? '') })] }));
    else out.push(run);
  });
  return out;
}
