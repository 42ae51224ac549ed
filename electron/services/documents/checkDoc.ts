import { Node as PMNode, type NodeType, type Schema } from '@tiptap/pm/model';
import type { DocJson } from '../../../shared/api/chapters';
import { AppError } from '../../../shared/api/errors';
import { chartAttrsProblem } from './checkChartAttrs';
import { editorSchema } from './editorSchema';

/**
 * Checks a chapter's document against the editor schema (shared/editor/extensions.ts) before it is
 * written: node and mark types the schema knows, only their own attributes, a chart's attributes
 * of the right types (the API's chart reference), and ProseMirror's own content and mark rules
 * (Node.fromJSON + node.check()). A wrong document is refused with what is wrong and where.
 */
export function checkChapterDoc(doc: unknown): asserts doc is DocJson {
  const schema = editorSchema();
  const problem = shapeProblem(schema, doc, 'doc') ?? modelProblem(schema, doc);
  if (problem) throw new AppError('BAD_INPUT', `doc: the document does not fit the editor schema: ${problem}.`, { field: 'doc' });
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function unknownAttr(allowed: Record<string, unknown>, attrs: unknown): string | null {
  if (attrs === undefined || attrs === null) return null;
  if (!isObject(attrs)) return 'attrs is not an object';
  const extra = Object.keys(attrs).find((k) => !Object.hasOwn(allowed, k));
  return extra === undefined ? null : `unknown attribute "${extra}"`;
}

function nodeProblem(type: NodeType, json: Json): string | null {
  const attrProblem = unknownAttr(type.spec.attrs ?? {}, json.attrs);
  if (attrProblem) return attrProblem;
  if (type.isText && (typeof json.text !== 'string' || json.text === '')) return typeof json.text === 'string' ? 'empty text (a text node needs at least one character)' : 'a text node without text';
  if (type.name === 'chart') return chartAttrsProblem(isObject(json.attrs) ? json.attrs : {});
  return null;
}

function marksProblem(schema: Schema, marks: unknown, path: string): string | null {
  if (marks === undefined) return null;
  if (!Array.isArray(marks)) return `${path}: marks is not a list`;
  for (const [i, m] of marks.entries()) {
    const type = isObject(m) && typeof m.type === 'string' ? schema.marks[m.type] : undefined;
    if (!type) return `${path}.marks[${i}]: unknown mark ${isObject(m) ? JSON.stringify(m.type) : JSON.stringify(m)}`;
    const attrProblem = unknownAttr(type.spec.attrs ?? {}, (m as Json).attrs);
    if (attrProblem) return `${path}.marks[${i}] (${type.name}): ${attrProblem}`;
  }
  return null;
}

/** The first node, mark or attribute the schema does not have, with its path, e.g. `doc.content[2].content[0]`. */
function shapeProblem(schema: Schema, json: unknown, path: string): string | null {
  if (!isObject(json)) return `${path}: not a node`;
  const type = typeof json.type === 'string' ? schema.nodes[json.type] : undefined;
  if (!type) return `${path}: unknown node type ${JSON.stringify(json.type)}`;
  const own = nodeProblem(type, json);
  if (own) return `${path} (${type.name}): ${own}`;
  const marks = marksProblem(schema, json.marks, path);
  if (marks) return marks;
  if (json.content === undefined) return null;
  if (!Array.isArray(json.content)) return `${path} (${type.name}): content is not a list`;
  for (const [i, child] of json.content.entries()) {
    const p = shapeProblem(schema, child, `${path}.content[${i}]`);
    if (p) return p;
  }
  return null;
}

/** ProseMirror's own rules: which nodes may hold which, marks allowed where they are, text nodes. */
function modelProblem(schema: Schema, json: unknown): string | null {
  try {
    const node = PMNode.fromJSON(schema, json);
    if (node.type !== schema.topNodeType) return `the top node is "${node.type.name}", not "${schema.topNodeType.name}"`;
    node.check();
    return null;
  } catch (e) {
    return (e as Error).message;
  }
}
