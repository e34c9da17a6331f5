// Column mappings: which file columns fill which canonical fields. The CLI's --mapping F.json format.
import { z } from 'zod'

/** Fields a column can be mapped to (the canonical person fields plus key, row number, version). */
export const MAPPABLE_FIELDS = [
  'record_key',
  'row_no',
  'full_name',
  'family_name',
  'middle_name',
  'given_name',
  'dob',
  'sex',
  'id_any',
  'id_number',
  'legacy_id',
  'other_id',
  'residence',
  'residence_street',
  'residence_commune',
  'residence_district',
  'residence_province',
  'residence_province_code',
  'residence_commune_code',
  'hometown',
  'ethnicity',
  'father_name',
  'mother_name',
  'spouse_name',
  'vital_status',
  'death_date',
  'registration_number',
  'event_date',
  'event_place',
  'version'
] as const
export type MappableField = (typeof MAPPABLE_FIELDS)[number]

/** How day-month-year dates are written when the text is ambiguous (05/03/1990). */
export const DATE_FORMATS = ['dmy', 'mdy', 'ymd'] as const
export type DateFormat = (typeof DATE_FORMATS)[number]

const columns = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)])

/**
 * A mapping file. Columns are named by their header text (exact, after trimming) or by
 * 1-based position as "#3". Several columns for one field are joined (split names, split
 * addresses). Anything left out is recognised from the headers automatically.
 */
export const mappingSchema = z
  .object({
    encoding: z.string().optional(),
    delimiter: z.string().length(1).optional(),
    sheet: z.union([z.string(), z.number().int().min(1)]).optional(),
    headerRow: z.number().int().min(1).optional(),
    dateFormat: z.enum(DATE_FORMATS).optional(),
    keyColumn: z.string().min(1).optional(),
    /** Columns never imported, even when their header is recognised. */
    ignore: z.array(z.string().min(1)).optional(),
    fields: z.partialRecord(z.enum(MAPPABLE_FIELDS), columns).default({})
  })
  .strict()
export type Mapping = z.output<typeof mappingSchema>
export type MappingInput = z.input<typeof mappingSchema>
