// Checking a proposed correction value: it must parse as the field it claims to be.
import type { CorrectableField } from '../../shared/review'
import { parseDate } from '../normalize/date'
import { parseIdNumber } from '../normalize/person'
import { cleanText } from '../normalize/text'

export type ValueCheck = { ok: true; value: string } | { ok: false; problem: string }

const NAME_FIELDS = new Set<CorrectableField>([
  'full_name',
  'father_name',
  'mother_name',
  'spouse_name'
])

/**
 * The stored form of a proposed value, or why it is refused. Dates keep their precision
 * (a year-only date stays a year); the national side receives what the clerk meant, no more.
 */
export function checkCorrectionValue(field: CorrectableField, raw: string): ValueCheck {
  const text = cleanText(raw)
  if (text === '') return { ok: false, problem: 'empty' }
  switch (field) {
    case 'dob':
    case 'death_date': {
      const d = parseDate(text)
      return d ? { ok: true, value: d.iso } : { ok: false, problem: 'not_a_date' }
    }
    case 'sex': {
      const s = text.toUpperCase()
      return s === 'M' || s === 'F' ? { ok: true, value: s } : { ok: false, problem: 'not_m_or_f' }
    }
    case 'id_number':
    case 'legacy_id': {
      const id = parseIdNumber(text)
      // A 12-digit personal ID or a 9-digit CMND, each in its own field.
      if (field === 'id_number' && id.id_number) return { ok: true, value: id.id_number }
      if (field === 'legacy_id' && id.legacy_id) return { ok: true, value: id.legacy_id }
      return { ok: false, problem: field === 'id_number' ? 'not_12_digits' : 'not_9_digits' }
    }
    case 'vital_status':
      return text === 'alive' || text === 'deceased'
        ? { ok: true, value: text }
        : { ok: false, problem: 'not_alive_or_deceased' }
    default:
      if (NAME_FIELDS.has(field) && !/\p{L}/u.test(text))
        return { ok: false, problem: 'no_letters' }
      return { ok: true, value: text }
  }
}
