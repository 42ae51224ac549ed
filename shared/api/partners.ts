import { z } from 'zod';
import { PARTNER_TYPES, type PartnerType } from '../partners/defaultPartners';
import { method } from './method';

/** One organisation in the project's partner directory. */
export interface Partner {
  /** As written in recommendation tags, e.g. "LA", "Police", "other partners". Unique ignoring case. */
  code: string;
  name: string;
  type: PartnerType;
  /** The code of the organisation that took over this one's duties (CCG → ICB), or null. */
  successor: string | null;
  position: number;
}

export interface PartnerSummary extends Partner {
  /** Recommendations in the document tagged with this code. */
  recommendations: number;
  /** Recommendations removed from the document (kept with their history) tagged with it. */
  removedRecommendations: number;
}

/** A recommendation, briefly: what a refusal or a usage list names. */
export interface RecommendationRef {
  id: string;
  chapterId: string;
  chapter: string;
  section: string | null;
  text: string;
  inDocument: boolean;
}

/** What a rename or merge changed. Every chapter whose text changed has a new revision. */
export interface PartnerChangeResult {
  partner: PartnerSummary;
  /** Recommendations whose owners changed. */
  recommendations: number;
  /** Chapters whose document was rewritten. */
  chapterIds: string[];
}

/** Characters that separate codes in a tag "[LA/NHS]", so they cannot be part of one. */
export const PARTNER_CODE_FORBIDDEN = /[/,;&[\]]/;

const required = (what: string) => ({ error: (iss: { input: unknown }) => (iss.input === undefined ? `${what} is required` : `${what} must be text`) });

export const partnerCode = z
  .string(required('a partner code'))
  .trim()
  .min(1, 'a partner code is required')
  .max(40, 'the partner code is longer than 40 characters')
  .refine((c) => !PARTNER_CODE_FORBIDDEN.test(c), { message: 'a partner code cannot contain / , ; & [ or ] (they separate codes in a tag)' });

const partnerName = z.string(required('a name')).trim().min(1, 'a name is required').max(200, 'the name is longer than 200 characters');
const partnerType = z.enum(PARTNER_TYPES, { error: `must be one of ${PARTNER_TYPES.join(', ')}` });

export const partnerMethods = {
  'partners.list': method<PartnerSummary[]>()(z.object({})),
  'partners.add': method<PartnerSummary>()(
    z.object({ code: partnerCode, name: partnerName, type: partnerType.optional(), successor: partnerCode.nullable().optional() }),
  ),
  /** Changes name, type or successor (null clears it); the code is changed with partners.rename. */
  'partners.edit': method<PartnerSummary>()(
    z.object({ code: partnerCode, name: partnerName.optional(), type: partnerType.optional(), successor: partnerCode.nullable().optional() }),
  ),
  /** Renames a code everywhere: the directory, every recommendation in every chapter, successors. */
  'partners.rename': method<PartnerChangeResult>()(z.object({ code: partnerCode, newCode: partnerCode })),
  /** Every recommendation owned by `from` becomes owned by `into`; `from` leaves the directory. */
  'partners.merge': method<PartnerChangeResult>()(z.object({ from: partnerCode, into: partnerCode })),
  /** Refused (CONFLICT, details.recommendations) while any recommendation uses the code. */
  'partners.delete': method<null>()(z.object({ code: partnerCode })),
  /** The recommendations tagged with a code, in the document or removed from it. */
  'partners.usage': method<RecommendationRef[]>()(z.object({ code: partnerCode })),
};
