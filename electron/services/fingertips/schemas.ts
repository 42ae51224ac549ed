import { z } from 'zod';

/**
 * The Fingertips API's JSON answers, as the real service sends them (field names as in
 * fingertips-open's ServicesWeb controllers, and as fingertipsR and fingertips_py read them; see
 * test/fixtures/fingertips-api/README.md). Only the fields the app uses are checked; others pass.
 * Text is bounded so a hostile answer cannot flood the UI.
 */
const id = z.number().int().nonnegative();
const name = z.string().max(1000);
const longText = z.string().max(100_000);

export const profilesSchema = z.array(z.object({ Id: id, Name: name, Key: z.string().max(200).nullable().optional(), GroupIds: z.array(id).max(1000).default([]) })).max(5000);

export const groupMetadataSchema = z.array(z.object({ Id: id, Name: name })).max(5000);

export const indicatorNamesSchema = z.array(z.object({ IndicatorId: id, IndicatorName: name, GroupId: id.optional() })).max(100_000);

export const areaTypesSchema = z.array(z.object({ Id: id, Name: name, Short: z.string().max(1000).nullable().optional() })).max(5000);

export const parentAreaTypesSchema = z
  .array(z.object({ Id: id, Name: name, ParentAreaTypes: z.array(z.object({ Id: id, Name: name })).max(1000).default([]) }))
  .max(5000);

export const areasSchema = z.array(z.object({ Code: z.string().min(1).max(50), Name: name, AreaTypeId: id.optional() })).max(200_000);

export const availableDataSchema = z.array(z.object({ IndicatorId: id, AreaTypeId: id })).max(1_000_000);

/** area type ID (as text) → IDs of the indicators whose words match. */
export const indicatorSearchSchema = z.record(z.string().regex(/^\d+$/), z.array(id).max(100_000));

const labelled = z.object({ Id: id.nullable().optional(), Name: name.nullable().optional() }).nullable().optional();

/** indicator ID (as text) → its metadata. */
export const indicatorMetadataSchema = z.record(
  z.string().regex(/^\d+$/),
  z.object({
    IID: id,
    Descriptive: z
      .object({
        Name: name,
        Definition: longText.nullable().optional(),
        DataSource: longText.nullable().optional(),
        IndicatorSource: longText.nullable().optional(),
      })
      .passthrough(),
    Unit: z.object({ Label: z.string().max(200).nullable().optional(), Value: z.number().nullable().optional() }).nullable().optional(),
    ValueType: labelled,
    ConfidenceIntervalMethod: labelled,
    YearType: labelled,
  }),
);

export type IndicatorMetadataJson = z.infer<typeof indicatorMetadataSchema>[string];
