// The recovery key as a person types it: 8 groups of 4 base32 characters, read forgivingly and
// checked group by group while it is typed.
//
// The format has no check digit: its 32 characters carry exactly the 160 random bits, none spare.
// So what can be checked as it is typed is each group's length and alphabet; whether the whole key
// is the right one is answered when it is submitted, against the key file's check value (an HMAC,
// instant) or the database itself.

export const RECOVERY_KEY_GROUPS = 8
export const RECOVERY_GROUP_LENGTH = 4
/** RFC 4648 base32: no 0, 1, 8 or 9, so the digits typed for O, I and B are read as those letters. */
export const RECOVERY_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'

const LOOKALIKES: Record<string, string> = { '0': 'O', '1': 'I', '8': 'B' }
const SEPARATOR = /[\s\-_.]/

/** Spaces, dashes and case do not matter; 0/1/8 typed for O/I/B are read as the letters. */
export function normalizeRecoveryKey(text: string): string {
  let out = ''
  for (const ch of text.toUpperCase()) {
    if (SEPARATOR.test(ch)) continue
    out += LOOKALIKES[ch] ?? ch
  }
  return out
}

export type GroupState =
  /** Nothing typed yet. */
  | 'empty'
  /** Valid characters, fewer than four. */
  | 'partial'
  /** Four valid characters. */
  | 'complete'
  /** A character outside the alphabet, or more than four. */
  | 'invalid'

export interface GroupCheck {
  /** The group as it will be read (upper case, look-alikes replaced). */
  text: string
  state: GroupState
  /** Characters that can never be part of a recovery key (e.g. 9, Đ, @), as typed. */
  badChars: string[]
}

/** One group as typed in its own field. */
export function checkRecoveryGroup(typed: string): GroupCheck {
  const text = normalizeRecoveryKey(typed)
  const badChars = [...text].filter((ch) => !RECOVERY_ALPHABET.includes(ch))
  const state: GroupState =
    badChars.length > 0 || text.length > RECOVERY_GROUP_LENGTH
      ? 'invalid'
      : text.length === 0
        ? 'empty'
        : text.length < RECOVERY_GROUP_LENGTH
          ? 'partial'
          : 'complete'
  return { text, state, badChars }
}

export interface RecoveryKeyCheck {
  /** Always eight: the groups as read from the text (pasted whole, or typed with or without dashes). */
  groups: GroupCheck[]
  /** Every group complete and nothing left over. */
  complete: boolean
  /** Characters beyond the 32nd (when not typed in eight separated groups). */
  extra: string
  /** The key in its canonical form (XXXX-XXXX-...), only when complete. */
  canonical: string | null
}

/**
 * A whole key, typed or pasted in one field, in its eight groups: as the person separated them
 * (so a character missing in the third group is found in the third group), or, written in one
 * run, cut every four characters.
 */
export function checkRecoveryKey(typed: string): RecoveryKeyCheck {
  const text = normalizeRecoveryKey(typed)
  const parts = typed
    .split(/[\s\-_.]+/)
    .filter((p) => p !== '')
    .map(normalizeRecoveryKey)
  const asTyped = parts.length === RECOVERY_KEY_GROUPS
  const groups: GroupCheck[] = []
  for (let g = 0; g < RECOVERY_KEY_GROUPS; g++) {
    const part = asTyped
      ? parts[g]!
      : text.slice(g * RECOVERY_GROUP_LENGTH, (g + 1) * RECOVERY_GROUP_LENGTH)
    groups.push(checkRecoveryGroup(part))
  }
  const extra = asTyped ? '' : text.slice(RECOVERY_KEY_GROUPS * RECOVERY_GROUP_LENGTH)
  const complete = extra === '' && groups.every((g) => g.state === 'complete')
  return {
    groups,
    complete,
    extra,
    canonical: complete ? groups.map((g) => g.text).join('-') : null
  }
}
