import { z } from 'zod';
import { method } from './method';

export interface ChapterSummary {
  id: string;
  title: string;
  position: number;
}

/** A deleted chapter, still in the project file until restored. */
export interface DeletedChapter {
  id: string;
  title: string;
  deletedAt: string;
}

export interface Chapter extends ChapterSummary {
  /** A tiptap/ProseMirror JSON document. */
  doc: DocJson;
  revision: number;
  updatedAt: string;
}

export interface DocJson {
  type: 'doc';
  content?: NodeJson[];
}
export interface NodeJson {
  type: string;
  attrs?: Record<string, unknown>;
  content?: NodeJson[];
  marks?: { type: string; attrs?: Record<string, unknown> }[];
  text?: string;
}

const nodeJson: z.ZodType<NodeJson> = z.lazy(() =>
  z.object({
    type: z.string().min(1).max(100),
    attrs: z.record(z.string(), z.unknown()).optional(),
    content: z.array(nodeJson).optional(),
    marks: z
      .array(z.object({ type: z.string().min(1).max(100), attrs: z.record(z.string(), z.unknown()).optional() }))
      .optional(),
    text: z.string().optional(),
  }),
);

export const docJson: z.ZodType<DocJson> = z.object({
  type: z.literal('doc'),
  content: z.array(nodeJson).optional(),
});

export const chapterId = z.string().uuid('not a chapter id');
export const chapterTitle = z
  .string()
  .trim()
  .min(1, 'a chapter title is required')
  .max(300, 'the chapter title is longer than 300 characters')
  // SQLite's length() stops at a NUL, so the table's CHECK would refuse it with a raw SqliteError.
  .regex(/^[^\u0000-\u001f\u007f]*$/, 'the chapter title contains a control character (a title is one line of text)');

export interface SaveResult {
  revision: number;
  updatedAt: string;
}

export interface OutlineEntry extends ChapterSummary {
  headings: { level: number; text: string }[];
}

export interface ImportTextSummary {
  chapter: string;
  chapterId: string;
  headings: number;
  recommendations: number;
  unknownPartners: string[];
}

export const chapterMethods = {
  'chapters.list': method<ChapterSummary[]>()(z.object({})),
  'chapters.add': method<ChapterSummary>()(z.object({ title: chapterTitle })),
  'chapters.rename': method<ChapterSummary>()(z.object({ id: chapterId, title: chapterTitle })),
  'chapters.get': method<Chapter>()(z.object({ id: chapterId })),
  'chapters.save': method<SaveResult>()(
    z.object({
      id: chapterId,
      doc: docJson,
      /** The revision the editor started from; a mismatch means someone else saved in between. */
      baseRevision: z.number().int().positive(),
    }),
  ),
  'chapters.move': method<ChapterSummary[]>()(z.object({ id: chapterId, toPosition: z.number().int().min(1, 'positions start at 1') })),
  'chapters.delete': method<null>()(z.object({ id: chapterId })),
  'chapters.restore': method<ChapterSummary>()(z.object({ id: chapterId })),
  'chapters.deleted': method<DeletedChapter[]>()(z.object({})),
  'chapters.outline': method<OutlineEntry[]>()(z.object({})),
  'chapters.importText': method<ImportTextSummary>()(
    z.object({
      title: chapterTitle,
      text: z.string().min(1, 'there is no text to import').max(20_000_000, 'the text is longer than 20 MB'),
      allRecommendations: z.boolean().optional(),
    }),
  ),
};
