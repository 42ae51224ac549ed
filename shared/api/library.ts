import { z } from 'zod';
import type { Comparison, RecentTrend } from '../library/comparison';
import { COMPARISON_METHODS } from '../library/comparison';
import type { CiMethod, IndicatorMeta, Polarity, Significance, ValueType, Vintage } from '../library/types';
import { method } from './method';
import { filePath } from './project';

/** The indicator library of the open project (its path is the project's libraryPath). */
export interface LibraryInfo {
  path: string;
  journalMode: 'wal' | 'delete';
  indicators: number;
  areas: number;
  /** Values held, over all indicators. */
  rows: number;
  vintages: number;
  lastImportAt: string | null;
}

/** What one import call did. A file whose sha256 is already its indicators' newest vintage changes nothing. */
export interface ImportSummary {
  /** Data rows imported. */
  rows: number;
  /** Distinct indicators and areas in the imported rows. */
  indicators: number;
  areas: number;
  /** The vintages recorded: one per imported file and indicator in it. */
  vintages: Vintage[];
  /** Files skipped because this exact file (same sha256) is already what the library holds. */
  unchangedFiles: string[];
  /** Indicators whose metadata the metadata file set. */
  metadataIndicators: number;
  /** Values the import added (a key the library did not have), updated (other values or labels) and left as they were. */
  added: number;
  updated: number;
  unchanged: number;
  /** Per indicator in the files: the same counts and the areas whose values were added or changed. */
  changes: IndicatorChange[];
  /** `file:line: …` for labels kept verbatim but flagged (unknown label; labels contradicting for one row key). */
  warnings: string[];
}

export interface IndicatorChange {
  indicatorId: string;
  added: number;
  updated: number;
  unchanged: number;
  /** Area codes with a value added or changed, sorted. */
  changedAreas: string[];
}

/** A chart in a project chapter whose values an import would change. */
export interface AffectedChart {
  /** The chart's position among the chapter's charts (0-based), and what it shows. */
  index: number;
  kind: string;
  /** The indicators it draws. */
  indicators: string[];
  areaCode: string | null;
}

export interface AffectedChapter {
  chapterId: string;
  title: string;
  charts: AffectedChart[];
}

/** A dry run of an import: what it would change, and which of the open project's charts. Nothing is written. */
export interface ImportPreview extends ImportSummary {
  affected: AffectedChapter[];
  /** "updates 14 values, adds 160; 3 charts in 2 chapters change" */
  description: string;
}

/** A vintage with what it changed and how many of its values are still the current ones. */
export interface VintageInfo extends Vintage {
  format: 'fingertips' | 'tidy';
  added: number;
  updated: number;
  /** The vintage this one restored (library restore-vintage), if it is a restore. */
  restoredFrom: number | null;
  current: number;
}

export interface RestoreSummary {
  /** The new vintage the restore recorded (restore the one before it to undo). */
  vintage: VintageInfo;
  added: number;
  updated: number;
  unchanged: number;
}

export interface IndicatorSummary {
  id: string;
  name: string;
  unit: string | null;
  polarity: Polarity | null;
  polaritySource: IndicatorMeta['polaritySource'];
  valueType: ValueType;
  illustrative: boolean;
  rows: number;
  latestPeriod: string | null;
}

/** One breakdown of an indicator: its values for one sex, age and category. "" = no category. */
export interface Breakdown {
  sex: string;
  age: string;
  categoryType: string;
  category: string;
}

export interface LatestValue {
  areaCode: string;
  areaName: string;
  period: string;
  periodSortable: number;
  value: number | null;
  lowerCi95: number | null;
  upperCi95: number | null;
  valueNote: string | null;
  breakdown: Breakdown;
}

export interface IndicatorDetail {
  meta: IndicatorMeta;
  rows: number;
  latestPeriod: string | null;
  breakdowns: Breakdown[];
  /** The newest value for the asked area, else England, else any area. */
  latest: LatestValue | null;
  /** Newest first. */
  vintages: VintageInfo[];
}

export interface AreaInfo {
  code: string;
  name: string;
  areaType: string | null;
  parentCode: string | null;
}

/** One period of one area, with its comparator's value and the significance of the difference. */
export interface ChartRow {
  period: string;
  periodSortable: number;
  value: number | null;
  lowerCi95: number | null;
  upperCi95: number | null;
  count: number | null;
  denominator: number | null;
  valueNote: string | null;
  /** null when the area has no comparator (England compared with itself). */
  comparator: { area: string; value: number | null } | null;
  /**
   * With the query's comparator, in the old words: the file's own label where it gives one
   * (quintile and unknown labels → 'Not compared'), else computed as `comparedEngland` says.
   */
  significance: Significance;
  ciMethod: CiMethod | null;
  /** The file's 99.8% limits (null when it gives none; never computed). */
  lower998: number | null;
  upper998: number | null;
  /** Compared with England: the file's label verbatim, else computed (method in it), else 'none'. */
  comparedEngland: Comparison;
  /** Compared with the area's parent (e.g. its region); null when the area has none. */
  comparedParent: Comparison | null;
  /** Compared with the indicator's goal; null when there is neither a label nor a goal. */
  comparedGoal: Comparison | null;
  /** The file's "Recent Trend" verbatim; computed only on an area's latest row when the file has none. */
  recentTrend: RecentTrend | null;
}

export interface ChartSeries {
  areaCode: string;
  areaName: string;
  comparator: { code: string; name: string } | null;
  /** Sorted by periodSortable. */
  rows: ChartRow[];
}

export interface ComparatorSeries {
  code: string;
  name: string;
  rows: { period: string; periodSortable: number; value: number | null; lowerCi95: number | null; upperCi95: number | null }[];
}

export interface ChartData {
  indicator: IndicatorMeta;
  breakdown: Breakdown;
  series: ChartSeries[];
  /** Each distinct comparator's own values over all periods, for a comparator line. */
  comparators: ComparatorSeries[];
  /** The newest vintage of the indicator: a chart made from an older one can say newer data arrived. */
  vintage: Vintage | null;
}

export const indicatorIdSchema = z.string().trim().min(1, 'an indicator ID is required').max(100, 'the indicator ID is longer than 100 characters');
export const areaCodeSchema = z.string().trim().min(1, 'an area code is required').max(50, 'the area code is longer than 50 characters');
const breakdownText = z.string().trim().max(200);
const polarity = z.enum(['high-is-good', 'low-is-good', 'no-judgement']);
const valueType = z.enum(['proportion', 'rate', 'count', 'other']);
const optionalNullableText = (max: number) => z.string().trim().max(max).nullable().optional();

const uploadId = z.string().regex(/^[0-9a-f]{32}$/, 'not an uploaded file');

type ComparisonMethodName = (typeof COMPARISON_METHODS)[number];

const importInput = z
  .object({
    paths: z.array(filePath).max(1000, 'at most 1000 files at once'),
    /** Files the page sent first (browser mode cannot give paths): ids from POST /upload. */
    uploads: z.array(uploadId).max(1000, 'at most 1000 files at once').default([]),
    format: z.enum(['fingertips', 'tidy']).optional(),
    metadataPath: filePath.optional(),
    metadataUpload: uploadId.optional(),
  })
  .refine((v) => v.paths.length + v.uploads.length > 0 || v.metadataPath !== undefined || v.metadataUpload !== undefined, {
    message: 'choose at least one file to import',
    path: ['paths'],
  })
  .refine((v) => v.metadataPath === undefined || v.metadataUpload === undefined, { message: 'choose one metadata file, not two', path: ['metadataPath'] });

export const libraryMethods = {
  'library.info': method<LibraryInfo>()(z.object({})),
  'library.import': method<ImportSummary>()(importInput),
  /** The import as a dry run: counts, changed areas and the open project's charts that would change. */
  'library.previewImport': method<ImportPreview>()(importInput),
  /** Vintages, newest first (of one indicator, or all). */
  'library.vintages': method<VintageInfo[]>()(z.object({ indicatorId: indicatorIdSchema.optional() })),
  /** Puts back the values as a vintage had them, as a new vintage (undo: restore the one before). */
  'library.restoreVintage': method<RestoreSummary>()(z.object({ vintageId: z.number().int().positive() })),
  'library.indicators': method<IndicatorSummary[]>()(
    z.object({ search: z.string().trim().max(200).optional(), areaCode: areaCodeSchema.optional() }),
  ),
  'library.indicator': method<IndicatorDetail>()(z.object({ id: indicatorIdSchema, areaCode: areaCodeSchema.optional() })),
  'library.updateIndicator': method<IndicatorMeta>()(
    z.object({
      id: indicatorIdSchema,
      /** null clears it (a later Fingertips import may infer it again). */
      polarity: polarity.nullable().optional(),
      unit: optionalNullableText(100),
      definition: optionalNullableText(5000),
      source: optionalNullableText(1000),
      valueType: valueType.optional(),
      multiplier: z.number().positive('the multiplier must be greater than 0').finite().nullable().optional(),
      /** null: infer it from the files' labels again. */
      comparisonMethod: z.enum(COMPARISON_METHODS as [ComparisonMethodName, ...ComparisonMethodName[]]).nullable().optional(),
      computeForEstimates: z.boolean().optional(),
      goal: z.number().finite().nullable().optional(),
    }),
  ),
  'library.areas': method<AreaInfo[]>()(
    z.object({ search: z.string().trim().max(200).optional(), limit: z.number().int().min(1).max(50_000).optional() }),
  ),
  'library.query': method<ChartData>()(
    z.object({
      indicatorId: indicatorIdSchema,
      areaCodes: z.array(areaCodeSchema).min(1, 'choose at least one area').max(100, 'at most 100 areas in one chart'),
      sex: breakdownText.optional(),
      age: breakdownText.optional(),
      categoryType: breakdownText.optional(),
      category: breakdownText.optional(),
      /** 'england' (default), 'parent' (each area's parent, e.g. its region) or an area code. */
      comparator: z.union([z.enum(['england', 'parent']), areaCodeSchema]).optional(),
    }),
  ),
};
