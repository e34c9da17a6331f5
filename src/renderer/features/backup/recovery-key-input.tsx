// The recovery key as a person types it from paper: eight fields of four characters, each checked
// as it is typed (core/recovery-key), a whole key pasted into any field spread over the eight.
import { useRef } from 'react'
import type { ClipboardEvent, KeyboardEvent, ReactElement } from 'react'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import {
  checkRecoveryGroup,
  checkRecoveryKey,
  normalizeRecoveryKey,
  RECOVERY_GROUP_LENGTH,
  RECOVERY_KEY_GROUPS,
  type GroupCheck,
  type RecoveryKeyCheck
} from '../../../core/recovery-key'

export type RecoveryGroups = readonly string[]

export const EMPTY_GROUPS: RecoveryGroups = Array.from({ length: RECOVERY_KEY_GROUPS }, () => '')

const SEPARATORS = /[\s\-_.]+/

/**
 * The key the eight fields hold, checked whole: complete only when every field holds four valid
 * characters; its canonical form is what the API is given.
 */
export function recoveryKeyOf(groups: RecoveryGroups): RecoveryKeyCheck {
  return checkRecoveryKey(groups.join('-'))
}

/**
 * Text typed or pasted into field `at`, spread over the fields: a whole key (eight groups, or 32
 * characters or more) fills all eight from the first; groups separated as the person wrote them
 * go one per field; a run without separators is cut every four characters. Returns the new
 * groups and the field to focus next.
 */
export function spreadRecoveryText(
  groups: RecoveryGroups,
  at: number,
  text: string
): { groups: string[]; focus: number } {
  const parts = text
    .split(SEPARATORS)
    .filter((p) => p !== '')
    .map(normalizeRecoveryKey)
  const run = normalizeRecoveryKey(text)
  const whole =
    parts.length === RECOVERY_KEY_GROUPS ||
    run.length >= RECOVERY_KEY_GROUPS * RECOVERY_GROUP_LENGTH
  const start = whole ? 0 : at
  const pieces =
    parts.length > 1 && (parts.length === RECOVERY_KEY_GROUPS || !whole)
      ? parts
      : (run.match(new RegExp(`.{1,${RECOVERY_GROUP_LENGTH}}`, 'gu')) ?? [''])
  const next = [...groups]
  let last = start
  pieces.forEach((piece, i) => {
    const field = start + i
    if (field >= RECOVERY_KEY_GROUPS) {
      // Past the eighth field: kept in the last one, which then says it is too long.
      next[RECOVERY_KEY_GROUPS - 1] += piece
      return
    }
    next[field] = piece
    last = field
  })
  const done = checkRecoveryGroup(next[last]!).state === 'complete'
  return { groups: next, focus: Math.min(done ? last + 1 : last, RECOVERY_KEY_GROUPS - 1) }
}

/** What the line under the fields says: the first wrong group, else how far the key is. */
function statusLine(
  checks: GroupCheck[],
  showIncomplete: boolean,
  t: TFunction
): { text: string; bad: boolean } {
  const bad = checks.findIndex((c) => c.state === 'invalid')
  if (bad >= 0) {
    const c = checks[bad]!
    return c.badChars.length > 0
      ? {
          text: t('backup.key.badChars', {
            group: bad + 1,
            chars: [...new Set(c.badChars)].map((ch) => `“${ch}”`).join(', ')
          }),
          bad: true
        }
      : { text: t('backup.key.tooLong', { group: bad + 1 }), bad: true }
  }
  const complete = checks.filter((c) => c.state === 'complete').length
  if (complete === RECOVERY_KEY_GROUPS) return { text: t('backup.key.complete'), bad: false }
  const missing = checks.findIndex((c) => c.state !== 'complete')
  if (showIncomplete) return { text: t('backup.key.incomplete', { group: missing + 1 }), bad: true }
  return { text: t('backup.key.progress', { done: complete }), bad: false }
}

export function RecoveryKeyInput({
  groups,
  onChange,
  showIncomplete = false,
  autoFocus = false
}: {
  groups: RecoveryGroups
  onChange: (groups: string[]) => void
  /** After a try to submit: an unfinished group is named as wrong too. */
  showIncomplete?: boolean
  autoFocus?: boolean
}): ReactElement {
  const { t } = useTranslation()
  const fields = useRef<(HTMLInputElement | null)[]>([])
  const checks = groups.map(checkRecoveryGroup)
  const status = statusLine(checks, showIncomplete, t)

  const focus = (i: number): void => {
    const el = fields.current[i]
    if (!el) return
    el.focus()
    el.select()
  }

  function typed(i: number, raw: string): void {
    const text = normalizeRecoveryKey(raw)
    if (text.length <= RECOVERY_GROUP_LENGTH && !SEPARATORS.test(raw.trim())) {
      const next = [...groups]
      next[i] = text
      onChange(next)
      // A finished group moves on, as on the paper.
      if (text.length === RECOVERY_GROUP_LENGTH && i < RECOVERY_KEY_GROUPS - 1) focus(i + 1)
      return
    }
    const spread = spreadRecoveryText(groups, i, raw)
    onChange(spread.groups)
    focus(spread.focus)
  }

  function pasted(i: number, e: ClipboardEvent<HTMLInputElement>): void {
    const text = e.clipboardData.getData('text')
    if (!text) return
    e.preventDefault()
    const spread = spreadRecoveryText(groups, i, text)
    onChange(spread.groups)
    focus(spread.focus)
  }

  function key(i: number, e: KeyboardEvent<HTMLInputElement>): void {
    // Backspace in an empty field goes back to the one before.
    if (e.key === 'Backspace' && groups[i] === '' && i > 0) {
      e.preventDefault()
      focus(i - 1)
    }
  }

  return (
    <fieldset className="recovery-key">
      <legend>{t('backup.key.label')}</legend>
      <div className="recovery-groups">
        {groups.map((g, i) => {
          const state = checks[i]!.state
          const wrong = state === 'invalid' || (showIncomplete && state !== 'complete')
          return (
            <span key={i} className="recovery-group-wrap">
              {i > 0 && (
                <span className="recovery-dash" aria-hidden="true">
                  –
                </span>
              )}
              <input
                ref={(el) => {
                  fields.current[i] = el
                }}
                className={`recovery-group is-${state}`}
                aria-label={t('backup.key.group', { n: i + 1 })}
                aria-invalid={wrong || undefined}
                data-state={state}
                value={g}
                autoFocus={autoFocus && i === 0}
                autoComplete="off"
                autoCapitalize="characters"
                spellCheck={false}
                onChange={(e) => typed(i, e.target.value)}
                onPaste={(e) => pasted(i, e)}
                onKeyDown={(e) => key(i, e)}
              />
            </span>
          )
        })}
      </div>
      <p
        className={status.bad ? 'recovery-status is-bad' : 'recovery-status'}
        role={status.bad ? 'alert' : 'status'}
        data-testid="recovery-status"
      >
        {status.text}
      </p>
      <p className="field-hint">{t('backup.key.hint')}</p>
    </fieldset>
  )
}
