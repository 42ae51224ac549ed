import { z } from 'zod';
import { isCalendarDate, type Rag, RAGS, type RecommendationStatus, STATUSES } from '../recommendations/status';
import { chapterId } from './chapters';
import { method } from './method';
import { partnerCode } from './partners';

/** One recommendation as the register shows it: where it is, who owns it, and its latest status. */
export interface RegisterRow {
  id: string;
  chapterId: string;
  chapter: string;
  /** The chapter's place in the project (1-based); null when the chapter is deleted. */
  chapterPosition: number | null;
  /** The nearest heading above it, or null. */
  section: string | null;
  text: string;
  /** Owning partner codes as tagged in the document; empty = needs an owner. */
  partners: string[];
  /** Order within its chapter. */
  position: number;
  /** false: its text was deleted from the document (or its chapter was); kept with its history. */
  inDocument: boolean;
  removedAt: string | null;
  chapterDeleted: boolean;
  /** The latest status; "Not started" when never given one. */
  status: RecommendationStatus;
  rag: Rag | null;
  dueDate: string | null;
  lead: string | null;
  /** The most recent progress note (later updates may have had none). */
  latestNote: string | null;
  latestNoteAt: string | null;
  /** When and by whom the status was last updated; null if never. */
  updatedAt: string | null;
  updatedBy: string | null;
  /** How many status updates its history holds. */
  updates: number;
}

export const REGISTER_SORT_KEYS = ['document', 'chapter', 'section', 'text', 'partners', 'status', 'rag', 'dueDate', 'updatedAt'] as const;
export type RegisterSortKey = (typeof REGISTER_SORT_KEYS)[number];

export interface PartnerCount {
  code: string;
  /** The directory's name for it; null for a code used in tags but not in the directory. */
  name: string | null;
  inDirectory: boolean;
  /** Recommendations in the document tagged with this code (successors not folded in). */
  count: number;
}

export interface RegisterResult {
  rows: RegisterRow[];
  /** Every recommendation the register holds, removed ones included. */
  total: number;
  /** Recommendations in the document. */
  inDocument: number;
  /** Recommendations in the document with no owner. */
  needsOwner: number;
  /** Per code, for "counts per partner at a glance": directory order, then codes not in it. */
  counts: PartnerCount[];
  /** The codes the partner filter matched: the partner and, with successors included, those it took over. */
  partnerCodes: string[];
}

export interface StatusUpdate {
  seq: number;
  recommendationId: string;
  at: string;
  author: string;
  status: RecommendationStatus;
  rag: Rag | null;
  dueDate: string | null;
  lead: string | null;
  note: string | null;
  /** What this update changed compared with the one before it (the first changes what it sets). */
  changed: ('status' | 'rag' | 'dueDate' | 'lead' | 'note')[];
}

export interface ExportFile {
  filename: string;
  mimeType: string;
  /** CSV: starts with a BOM (U+FEFF) and uses CRLF; HTML: a whole, sanitised page. */
  content: string;
}

const statusSchema = z.enum(STATUSES, { error: `must be one of ${STATUSES.join(', ')}` });
const ragSchema = z.enum(RAGS, { error: `must be one of ${RAGS.join(', ')}` });
const dueDateSchema = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
  .refine(isCalendarDate, { message: 'is not a real calendar date' });
export const recommendationId = z.string().trim().min(1, 'a recommendation id is required').max(100, 'the recommendation id is longer than 100 characters');

export const registerQuery = z.object({
  partner: partnerCode.optional(),
  /** With a partner: also what the organisations it succeeded own (CCG's under ICB), transitively. */
  includeSuccessors: z.boolean().optional(),
  status: statusSchema.optional(),
  chapterId: chapterId.optional(),
  /** Only recommendations with no owning partner. */
  needsOwner: z.boolean().optional(),
  /** Words that must all appear (ignoring case, accents and curly quotes) in text, section, chapter, partners, lead or note. */
  search: z.string().trim().max(500, 'the search is longer than 500 characters').optional(),
  /** Also list recommendations removed from the document. Default false. */
  includeRemoved: z.boolean().optional(),
  sortBy: z.enum(REGISTER_SORT_KEYS, { error: `must be one of ${REGISTER_SORT_KEYS.join(', ')}` }).optional(),
  sortDir: z.enum(['asc', 'desc']).optional(),
});
export type RegisterQuery = z.input<typeof registerQuery>;

export const registerMethods = {
  'register.list': method<RegisterResult>()(registerQuery),
  'register.get': method<RegisterRow>()(z.object({ id: recommendationId })),
  /**
   * Appends a status update (never rewrites one). rag, dueDate and lead: omitted keeps the current
   * value, null clears it. The note belongs to this update only.
   */
  'register.setStatus': method<RegisterRow>()(
    z.object({
      id: recommendationId,
      status: statusSchema,
      rag: ragSchema.nullable().optional(),
      dueDate: dueDateSchema.nullable().optional(),
      lead: z.string().trim().max(200, 'the lead contact is longer than 200 characters').nullable().optional(),
      note: z.string().trim().max(10_000, 'the note is longer than 10,000 characters').optional(),
    }),
  ),
  /** Every status update of one recommendation, oldest first. */
  'register.history': method<StatusUpdate[]>()(z.object({ id: recommendationId })),
  /**
   * Per-partner action lists: the rows the query selects (never removed ones), grouped by partner
   * then chapter, as CSV or a standalone accessible HTML page.
   */
  'register.export': method<ExportFile>()(registerQuery.omit({ includeRemoved: true, sortBy: true, sortDir: true }).extend({ format: z.enum(['csv', 'html']) })),
};
