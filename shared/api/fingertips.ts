import { z } from 'zod';
import type { ImportSummary } from './library';
import { method } from './method';

/** Finding and fetching data from the OHID Fingertips API (electron/services/fingertips). */
export interface FingertipsIndicator {
  id: number;
  name: string;
}

export interface FingertipsSearchResult extends FingertipsIndicator {
  /** Area types the search says it has (indicator_search's keys). */
  areaTypeIds: number[];
}

export interface FingertipsProfile {
  id: number;
  name: string;
  groupIds: number[];
}

export interface FingertipsAreaType {
  id: number;
  name: string;
  /** How many of the chosen indicators have data for this area type (available_data). */
  indicators: number;
  parents: { id: number; name: string }[];
}

export interface FingertipsPlan {
  /** The chosen indicators that have data for the area type (the others are left out). */
  indicatorIds: number[];
  leftOut: number[];
  /** Areas of the type (areas/by_area_type); Fingertips gives no row count before the download. */
  areas: number;
  /** In words: what the fetch will ask for. */
  description: string;
  url: string;
}

export interface FingertipsFetchSummary extends ImportSummary {
  requests: { source: string; url: string; bytes: number }[];
}

export interface FingertipsRequest {
  indicatorIds: number[];
  areaTypeId: number;
  parentAreaTypeId: number;
}

/** A value the library holds from a request that Fingertips' new answer to it no longer has. */
export interface FingertipsWithdrawnValue {
  period: string;
  areaCode: string;
  areaName: string;
  sex: string;
  age: string;
  /** Empty text when the value has no category. */
  categoryType: string;
  category: string;
}

/** How many withdrawn values a check names (withdrawnValues counts them all). */
export const WITHDRAWN_EXAMPLES = 5;

export interface FingertipsUpdateCheck {
  indicatorId: string;
  indicatorName: string;
  /**
   * The first that holds: 'newer-period', 'changed-values' (new or changed values in periods the
   * library has), 'withdrawn-values' (nothing newer, but values the library holds from this request
   * are no longer in Fingertips' answer: they stay in the library, Update deletes nothing), else
   * 'unchanged'. 'not-checked': Fingertips answered this request with no data (400/404/410: e.g. an
   * area type it no longer publishes), with a file the importer rejects, or with no row of this
   * indicator; `problem` says which. The other requests are still checked.
   */
  status: 'newer-period' | 'changed-values' | 'withdrawn-values' | 'unchanged' | 'not-checked';
  /** Why the request could not be checked (status 'not-checked' only). */
  problem?: string;
  source: string;
  request: FingertipsRequest;
  libraryLatestPeriod: string | null;
  fingertipsLatestPeriod: string | null;
  newValues: number;
  changedValues: number;
  /**
   * Values the library holds from this request (rows whose vintage is one of this request's) that
   * the new answer no longer has: a period, area or breakdown withdrawn or corrected away. Rows
   * from other requests (another area type) or other files are never counted. 0 when not checked.
   */
  withdrawnValues: number;
  /** The first few of them (at most WITHDRAWN_EXAMPLES) by area code, then period, then breakdown. */
  withdrawnExamples: FingertipsWithdrawnValue[];
}

export interface FingertipsAddress {
  url: string;
  /** Where it comes from: JSNA_FINGERTIPS_URL, the project's setting, or the default. */
  from: 'environment' | 'project' | 'default';
}

const fingertipsId = z.number().int('a Fingertips ID is a whole number').min(0).max(2 ** 31 - 1);
const indicatorIds = z.array(fingertipsId).min(1, 'choose at least one indicator').max(500, 'at most 500 indicators at once');
const request = z.object({ indicatorIds, areaTypeId: fingertipsId, parentAreaTypeId: fingertipsId });

export const fingertipsMethods = {
  'fingertips.address': method<FingertipsAddress>()(z.object({})),
  /** null: back to JSNA_FINGERTIPS_URL or the public service. */
  'fingertips.setAddress': method<FingertipsAddress>()(z.object({ url: z.string().trim().max(500).nullable() })),
  'fingertips.search': method<FingertipsSearchResult[]>()(z.object({ words: z.string().trim().min(1, 'type a word to search for').max(200) })),
  'fingertips.profiles': method<FingertipsProfile[]>()(z.object({})),
  /** A profile's domains (its groups). */
  'fingertips.groups': method<FingertipsIndicator[]>()(z.object({ profileId: fingertipsId })),
  'fingertips.groupIndicators': method<FingertipsIndicator[]>()(z.object({ groupId: fingertipsId })),
  /** The area types the indicators have (available_data), with the parent types each can be grouped by. */
  'fingertips.areaTypes': method<FingertipsAreaType[]>()(z.object({ indicatorIds })),
  'fingertips.plan': method<FingertipsPlan>()(request),
  /** Fetches as one import (progress by jobId; `fingertips.cancel` stops it with the library unchanged). */
  'fingertips.fetch': method<FingertipsFetchSummary>()(
    z.object({ requests: z.array(request).min(1, 'choose what to fetch').max(50, 'at most 50 requests at once') }),
  ),
  'fingertips.checkUpdates': method<FingertipsUpdateCheck[]>()(z.object({})),
  'fingertips.cancel': method<{ cancelled: boolean }>()(z.object({ jobId: z.string().trim().min(1).max(200) })),
};
