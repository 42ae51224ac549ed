/**
 * The partner directory a new project starts with.
 *
 * Recommendations in a JSNA are tagged with the organisations that own them, e.g.
 * "... by 12 weeks of pregnancy. [CCG/ UHL/ LA]". The codes below are the ones used in
 * the Leicester children and young people JSNA recommendations chapter (see
 * test/fixtures/seeds/), with names taken from, or implied by, that text. A project edits
 * its own copy: `defaultPartners()` returns a fresh one each call.
 */

export const PARTNER_TYPES = [
  'local-authority',
  'nhs-trust',
  'icb',
  'ccg',
  'nhs-england',
  'board',
  'police',
  'youth-justice',
  'voluntary',
  'other',
] as const;

export type PartnerType = (typeof PARTNER_TYPES)[number];

export interface PartnerDirectoryEntry {
  /** The code as written in recommendation tags, e.g. "LA", "Police", "other partners". */
  code: string;
  name: string;
  type: PartnerType;
  /** Code of the organisation that took over this one's duties (must be in the same directory), or null. */
  successor: string | null;
}

const ENTRIES: readonly Readonly<PartnerDirectoryEntry>[] = [
  // The seed is Leicester City Council's JSNA; the name is generic so the directory suits any unitary/city council.
  { code: 'LA', name: 'Local authority (city council)', type: 'local-authority', successor: null },
  // CCGs were abolished and their functions transferred to integrated care boards on 1 July 2022 (Health and Care Act 2022).
  { code: 'CCG', name: 'Clinical Commissioning Group', type: 'ccg', successor: 'ICB' },
  { code: 'ICB', name: 'Integrated Care Board', type: 'icb', successor: null },
  { code: 'UHL', name: 'University Hospitals of Leicester NHS Trust', type: 'nhs-trust', successor: null },
  { code: 'NHSE', name: 'NHS England', type: 'nhs-england', successor: null },
  // Used in the seed where no particular NHS body is meant ("mental health services ... [NHS/YOS/LA]").
  { code: 'NHS', name: 'NHS organisations (general)', type: 'other', successor: null },
  { code: 'LPT', name: 'Leicestershire Partnership NHS Trust', type: 'nhs-trust', successor: null },
  // Seed: "Accelerate the work with the Youth Offending Service ... [YOS/LA/Police]"
  { code: 'YOS', name: 'Youth Offending Service', type: 'youth-justice', successor: null },
  // The seed never expands YOM; it tags only the youth-offending recommendations (health needs of young people
  // known to YOS, pathways for young offenders, a shared YOS Health Care Plan), alongside YOS.
  { code: 'YOM', name: 'Youth Offending Management', type: 'youth-justice', successor: null },
  // Seed: "Partners in the city, including the Health and Well-being Board & Children's Trust Board ... [HWB/CTB]"
  { code: 'HWB', name: 'Health and Wellbeing Board', type: 'board', successor: null },
  { code: 'CTB', name: "Children's Trust Board", type: 'board', successor: null },
  // Seed: "... monitored locally by the Leicester, Leicestershire & Rutland Health Protection Board in conjunction with NHS England. [LLRHP/NHSE]"
  { code: 'LLRHP', name: 'Leicester, Leicestershire and Rutland Health Protection Board', type: 'board', successor: null },
  // Seed: "Continue work through the Local Children Safeguarding Board on Neglect ..." (sic; the statutory name is
  // Local Safeguarding Children Board). LSCBs were replaced by local safeguarding partnerships from 2019.
  { code: 'LSCB', name: 'Local Safeguarding Children Board', type: 'board', successor: null },
  // Seed tag "[YOS/LA/Police]"; for Leicester this is Leicestershire Police.
  { code: 'Police', name: 'Police', type: 'police', successor: null },
  { code: 'other partners', name: 'Other partners', type: 'other', successor: null },
];

/** The default directory, read-only. Use `defaultPartners()` for a copy a project can own. */
export const DEFAULT_PARTNERS: readonly Readonly<PartnerDirectoryEntry>[] = Object.freeze(ENTRIES.map((e) => Object.freeze({ ...e })));

/** A fresh, mutable copy of the default directory for a new project. */
export function defaultPartners(): PartnerDirectoryEntry[] {
  return DEFAULT_PARTNERS.map((e) => ({ ...e }));
}
