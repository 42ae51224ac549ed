import { getSchema } from '@tiptap/core';
import type { Schema } from '@tiptap/pm/model';
import { documentExtensions } from '../../../shared/editor/extensions';

let cached: Schema | null = null;

/** The ProseMirror schema of the editor's one extension list (built once per process). */
export function editorSchema(): Schema {
  cached ??= getSchema(documentExtensions());
  return cached;
}
