// Propose a correction from a pair: fields of one person (those that differ in substance ticked),
// which side is wrong, the correct value (pre-filled from the other side, editable, checked as the
// backend will), the reason the clerk chooses, evidence; then what was sent, said plainly.
import { useEffect, useMemo, useRef, useState } from 'react'
import type { FormEvent, KeyboardEvent, ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import type { ApiName, CorrectionRow, PairView } from '../../../shared/api'
import type { CorrectableField, CorrectionReason, CorrectionSide } from '../../../shared/review'
import { CORRECTION_REASONS, CORRECTION_SIDES } from '../../../shared/review'
import { checkCorrectionValue } from '../../../core/review/correction'
import { differenceMatters } from '../../../core/review/difference'
import { formatDate } from '../../../core/normalize/date'
import { ErrorAlert } from '../../components/error-alert'
import { useApiMutation } from '../../lib/use-api'
import { PAIR_FIELDS, displayValue } from './pair-panel'

/** A proposal shows under the pair, in the approval list and with its queue row. */
const PROPOSED: ApiName[] = ['corrections/list', 'review/pair', 'review/queue']

type Person = Record<string, string | number | null>

/** The value a field starts with: the other side's, in the form a clerk types it. */
export function prefill(field: CorrectableField, from: Person | null): string {
  const v = from?.[field]
  if (v == null) return ''
  if (field === 'dob' || field === 'death_date') return formatDate(String(v))
  return String(v)
}

/** The fields ticked at first: those whose values differ in what they say, not only in writing. */
export function fieldsThatDiffer(source: Person, population: Person | null): CorrectableField[] {
  return PAIR_FIELDS.filter((f) => differenceMatters(f, source[f], population?.[f]))
}

export interface CorrectionDraft {
  side: CorrectionSide
  fields: CorrectableField[]
  values: Partial<Record<CorrectableField, string>>
  /** Chosen by the clerk: none at first, so no reason is ever sent that nobody picked. */
  reason: CorrectionReason | ''
  reasonText: string
  evidence: string
}

export type DraftErrors = Partial<
  Record<CorrectableField | 'fields' | 'reason' | 'reasonText', string>
>

/** Problems a clerk must fix before sending, as i18n keys (with the field's own checks). */
export function draftProblems(draft: CorrectionDraft, pair: PairView): DraftErrors {
  const errors: DraftErrors = {}
  if (draft.fields.length === 0) errors.fields = 'queue.correction.needField'
  const wrong = (draft.side === 'population' ? pair.population : pair.source) as unknown as Person
  for (const field of draft.fields) {
    const checked = checkCorrectionValue(field, draft.values[field] ?? '')
    if (!checked.ok) errors[field] = `review.valueProblems.${checked.problem}`
    else if (String(wrong?.[field] ?? '') === checked.value)
      errors[field] = 'queue.correction.sameValue'
  }
  if (draft.reason === '') errors.reason = 'queue.correction.needReason'
  else if (draft.reason === 'other' && draft.reasonText.trim() === '')
    errors.reasonText = 'queue.correction.needReasonText'
  return errors
}

export interface CorrectionFormProps {
  pair: PairView
  /** The proposal was stored: the form now says so, until the clerk closes it. */
  onSaved: (row: CorrectionRow) => void
  onClose: () => void
}

export function CorrectionForm({ pair, onSaved, onClose }: CorrectionFormProps): ReactElement {
  const { t } = useTranslation()
  const source = pair.source as unknown as Person
  const population = pair.population as unknown as Person
  const differing = useMemo(() => fieldsThatDiffer(source, population), [source, population])
  const [draft, setDraft] = useState<CorrectionDraft>(() => ({
    side: 'population',
    fields: differing,
    values: Object.fromEntries(PAIR_FIELDS.map((f) => [f, prefill(f, source)])),
    reason: '',
    reasonText: '',
    evidence: ''
  }))
  const [edited, setEdited] = useState<Set<CorrectableField>>(new Set())
  const [tried, setTried] = useState(false)
  // Each refused submit asks once for the first field in error to be shown and focused.
  const [refused, setRefused] = useState(0)
  const [saved, setSaved] = useState<CorrectionRow | null>(null)
  const propose = useApiMutation('corrections/propose', { invalidates: PROPOSED })
  const form = useRef<HTMLFormElement>(null)
  const first = useRef<HTMLInputElement>(null)
  useEffect(() => first.current?.focus(), [])
  useEffect(() => {
    if (refused === 0) return
    const target = form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')
    // Scrolled to the middle of the dialog, not just to its edge, so its message shows too.
    target?.scrollIntoView?.({ block: 'center' })
    target?.focus({ preventScroll: true })
  }, [refused])

  const problems = draftProblems(draft, pair)
  const shown = tried ? problems : {}

  function setSide(side: CorrectionSide): void {
    // The right value comes from the other side: refill what the clerk has not typed over.
    const from = side === 'population' ? source : population
    setDraft((d) => ({
      ...d,
      side,
      values: Object.fromEntries(
        PAIR_FIELDS.map((f) => [f, edited.has(f) ? (d.values[f] ?? '') : prefill(f, from)])
      )
    }))
  }

  function toggle(field: CorrectableField, on: boolean): void {
    setDraft((d) => ({
      ...d,
      fields: on
        ? PAIR_FIELDS.filter((f) => f === field || d.fields.includes(f))
        : d.fields.filter((f) => f !== field)
    }))
  }

  function setValue(field: CorrectableField, value: string): void {
    setEdited((s) => new Set(s).add(field))
    setDraft((d) => ({ ...d, values: { ...d.values, [field]: value } }))
  }

  function submit(e: FormEvent): void {
    e.preventDefault()
    setTried(true)
    if (Object.keys(problems).length > 0 || draft.reason === '' || !pair.population) {
      setRefused((n) => n + 1)
      return
    }
    propose.mutate(
      {
        sourceRecordId: pair.source.id,
        populationRecordId: pair.population.id,
        side: draft.side,
        fields: draft.fields.map((field) => ({ field, value: draft.values[field] ?? '' })),
        reason: draft.reason,
        ...(draft.reasonText.trim() ? { reasonText: draft.reasonText.trim() } : {}),
        ...(draft.evidence.trim() ? { evidence: draft.evidence.trim() } : {})
      },
      (row) => {
        setSaved(row)
        onSaved(row)
      }
    )
  }

  function onKeyDown(e: KeyboardEvent): void {
    if (e.key === 'Escape') {
      e.preventDefault()
      onClose()
    }
  }

  if (saved) return <Sent row={saved} pair={pair} onClose={onClose} onKeyDown={onKeyDown} />

  const wrong = (draft.side === 'population' ? population : source) ?? null
  const firstField = PAIR_FIELDS[0]
  return (
    <div className="dialog-backdrop">
      <form
        ref={form}
        className="dialog correction-form"
        role="dialog"
        aria-modal="true"
        aria-labelledby="correction-title"
        onKeyDown={onKeyDown}
        onSubmit={submit}
        noValidate
      >
        <h2 id="correction-title" className="panel-title">
          {t('queue.correction.title')}: {pair.population?.full_name ?? ''} (
          {pair.population?.record_key ?? ''})
        </h2>

        <fieldset className="inline-options">
          <legend>{t('queue.correction.side')}</legend>
          {CORRECTION_SIDES.map((side, i) => (
            <label key={side}>
              <input
                ref={i === 0 ? first : undefined}
                type="radio"
                name="side"
                value={side}
                checked={draft.side === side}
                onChange={() => setSide(side)}
              />{' '}
              {t(`review.sides.${side}`)}
            </label>
          ))}
        </fieldset>

        <fieldset>
          <legend>{t('queue.correction.fields')}</legend>
          <p className="muted small">{t('queue.correction.ticked')}</p>
          {shown.fields && (
            <p id="correction-fields-error" className="field-error" role="alert">
              {t(shown.fields)}
            </p>
          )}
          <table className="correction-fields">
            <tbody>
              {PAIR_FIELDS.map((field) => {
                const on = draft.fields.includes(field)
                const errorKey = shown[field]
                const inputId = `correction-value-${field}`
                const errorId = `${inputId}-error`
                const current = displayValue(field, wrong?.[field], t)
                const noField = field === firstField && shown.fields !== undefined
                return (
                  <tr key={field} data-field={field}>
                    <th scope="row">
                      <label>
                        <input
                          type="checkbox"
                          checked={on}
                          aria-invalid={noField || undefined}
                          aria-describedby={noField ? 'correction-fields-error' : undefined}
                          onChange={(e) => toggle(field, e.target.checked)}
                        />{' '}
                        {t(`fields.${field}`)}
                      </label>
                    </th>
                    <td>
                      {on && (
                        <>
                          <ValueInput
                            id={inputId}
                            field={field}
                            value={draft.values[field] ?? ''}
                            label={`${t('queue.correction.value')}: ${t(`fields.${field}`)}`}
                            invalid={errorKey !== undefined}
                            describedBy={errorKey ? errorId : undefined}
                            onChange={(v) => setValue(field, v)}
                          />
                          <div className="muted small">
                            {t('queue.correction.current', {
                              value: current || t('queue.correction.noValue')
                            })}
                          </div>
                          {errorKey && (
                            <div id={errorId} className="field-error" role="alert">
                              {t(errorKey)}
                            </div>
                          )}
                        </>
                      )}
                    </td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        </fieldset>

        <label className="stacked">
          {t('queue.correction.reason')}
          <select
            aria-label={t('queue.correction.reason')}
            value={draft.reason}
            aria-invalid={shown.reason ? true : undefined}
            aria-describedby={shown.reason ? 'correction-reason-needed' : undefined}
            onChange={(e) =>
              setDraft((d) => ({ ...d, reason: e.target.value as CorrectionReason | '' }))
            }
          >
            <option value="">{t('queue.correction.chooseReason')}</option>
            {CORRECTION_REASONS.map((r) => (
              <option key={r} value={r}>
                {t(`review.reasons.${r}`)}
              </option>
            ))}
          </select>
        </label>
        {shown.reason && (
          <div id="correction-reason-needed" className="field-error" role="alert">
            {t(shown.reason)}
          </div>
        )}
        <label className="stacked">
          {t('queue.correction.reasonText')}
          <textarea
            rows={2}
            maxLength={2000}
            aria-label={t('queue.correction.reasonText')}
            value={draft.reasonText}
            aria-invalid={shown.reasonText ? true : undefined}
            aria-describedby={shown.reasonText ? 'correction-reason-error' : undefined}
            onChange={(e) => setDraft((d) => ({ ...d, reasonText: e.target.value }))}
          />
        </label>
        {shown.reasonText && (
          <div id="correction-reason-error" className="field-error" role="alert">
            {t(shown.reasonText)}
          </div>
        )}
        <label className="stacked">
          {t('queue.correction.evidence')}
          <input
            type="text"
            maxLength={500}
            aria-label={t('queue.correction.evidence')}
            value={draft.evidence}
            onChange={(e) => setDraft((d) => ({ ...d, evidence: e.target.value }))}
          />
        </label>

        <ErrorAlert error={propose.error} />
        <div className="actions">
          <button type="submit" className="button button-primary" disabled={propose.busy}>
            {t('queue.correction.submit')}
          </button>
          <button type="button" className="button" onClick={onClose}>
            {t('queue.correction.cancel')}
          </button>
          {tried && Object.keys(problems).length > 0 && (
            <span className="field-error" data-testid="correction-problems">
              {t('queue.correction.fixMarked')}
            </span>
          )}
        </div>
      </form>
    </div>
  )
}

/** After the submit: what was proposed, for whom, and that a supervisor decides next. */
function Sent({
  row,
  pair,
  onClose,
  onKeyDown
}: {
  row: CorrectionRow
  pair: PairView
  onClose: () => void
  onKeyDown: (e: KeyboardEvent) => void
}): ReactElement {
  const { t } = useTranslation()
  const close = useRef<HTMLButtonElement>(null)
  useEffect(() => close.current?.focus(), [])
  // The record the proposal corrects: the local register's when the clerk said it is the wrong one.
  const local = row.side === 'local'
  return (
    <div className="dialog-backdrop">
      <div
        className="dialog correction-sent"
        role="dialog"
        aria-modal="true"
        aria-labelledby="correction-sent-title"
        onKeyDown={onKeyDown}
        data-testid="correction-sent"
      >
        <h2 id="correction-sent-title" className="panel-title">
          {t('queue.correction.sentTitle')}
        </h2>
        <p className="alert alert-success" role="status">
          {local
            ? t('queue.correction.sentForLocal', {
                name: pair.source.full_name ?? '',
                key: pair.source.record_key ?? String(pair.source.id),
                side: t(`review.sides.${row.side}`)
              })
            : t('queue.correction.sentFor', {
                name: pair.population?.full_name ?? '',
                key: row.populationKey,
                side: t(`review.sides.${row.side}`)
              })}
        </p>
        <ul className="change-list">
          {row.fields.map((f) => (
            <li key={f.field} data-field={f.field}>
              {t(`fields.${f.field}`)}: {displayValue(f.field, f.oldValue, t) || '∅'} →{' '}
              <strong>{displayValue(f.field, f.newValue, t)}</strong>
            </li>
          ))}
        </ul>
        <p>
          {t('queue.correction.sentReason', {
            reason: t(`review.reasons.${row.reason}`),
            evidence: row.evidence ?? t('queue.correction.noValue')
          })}
        </p>
        <p>{t(local ? 'queue.correction.waitsLocal' : 'queue.correction.waits')}</p>
        <div className="actions">
          <button ref={close} type="button" className="button button-primary" onClick={onClose}>
            {t('queue.correction.close')}
          </button>
        </div>
      </div>
    </div>
  )
}

function ValueInput(props: {
  id: string
  field: CorrectableField
  value: string
  label: string
  invalid: boolean
  describedBy: string | undefined
  onChange: (value: string) => void
}): ReactElement {
  const { t } = useTranslation()
  const common = {
    id: props.id,
    'aria-label': props.label,
    'aria-invalid': props.invalid || undefined,
    'aria-describedby': props.describedBy
  }
  if (props.field === 'sex' || props.field === 'vital_status') {
    const options = props.field === 'sex' ? ['M', 'F'] : ['alive', 'deceased']
    return (
      <select {...common} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        <option value="" />
        {options.map((o) => (
          <option key={o} value={o}>
            {t(`values.${props.field}.${o}`)}
          </option>
        ))}
      </select>
    )
  }
  return (
    <input
      {...common}
      type="text"
      maxLength={500}
      value={props.value}
      onChange={(e) => props.onChange(e.target.value)}
    />
  )
}
