// The pair view's keyboard shortcuts: one table that drives both the key handler and the help overlay.

export type Command =
  | 'next'
  | 'prev'
  | 'open'
  | 'accept'
  | 'reject'
  | 'duplicate'
  | 'notInPopulation'
  | 'search'
  | 'correct'
  | 'note'
  | 'undo'
  | 'reopen'
  | 'help'

/**
 * Keys (KeyboardEvent.key) per command; the first one is what the help overlay and buttons show.
 * 'Ctrl+z' is the one combination: undo, as everywhere else. Reopen has no key: it changes a
 * decision, which is done on purpose, with the button and its confirmation.
 */
export const SHORTCUTS: { command: Command; keys: string[] }[] = [
  { command: 'next', keys: ['j', 'ArrowDown'] },
  { command: 'prev', keys: ['k', 'ArrowUp'] },
  { command: 'open', keys: ['Enter'] },
  { command: 'accept', keys: ['a'] },
  { command: 'reject', keys: ['r'] },
  { command: 'duplicate', keys: ['d'] },
  { command: 'notInPopulation', keys: ['n'] },
  { command: 'search', keys: ['/', 'l'] },
  { command: 'correct', keys: ['c'] },
  { command: 'note', keys: ['g'] },
  { command: 'undo', keys: ['u', 'Ctrl+z'] },
  { command: 'reopen', keys: [] },
  { command: 'help', keys: ['?'] }
]

const BY_KEY = new Map(SHORTCUTS.flatMap(({ command, keys }) => keys.map((k) => [k, command])))

/** Keys as the keyboard prints them: a letter in capitals, an arrow as an arrow, Ctrl+Z. */
const KEY_CAPS: Record<string, string> = { ArrowDown: '↓', ArrowUp: '↑' }

export function keyCap(key: string): string {
  if (key.startsWith('Ctrl+')) return `Ctrl+${key.slice(5).toUpperCase()}`
  return key.length === 1 ? key.toUpperCase() : (KEY_CAPS[key] ?? key)
}

/** The key shown on a command's button; '' when it has none. */
export function keyLabel(command: Command): string {
  const key = SHORTCUTS.find((s) => s.command === command)?.keys[0]
  return key === undefined ? '' : keyCap(key)
}

/** True when the key goes to something the clerk types in (or a control that uses keys itself). */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  if (target.isContentEditable) return true
  const tag = target.tagName
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT'
}

/**
 * The command a key press asks for, or null: never while typing, never with Alt or another
 * Ctrl/Meta combination than Ctrl+Z (those belong to the browser and the system), and Enter and
 * arrows only outside buttons and the grid, which use them for themselves.
 */
export function commandFor(
  e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'altKey' | 'metaKey' | 'target'> & {
    shiftKey?: boolean
  }
): Command | null {
  if (isTypingTarget(e.target)) return null
  if (e.altKey) return null
  if (e.ctrlKey || e.metaKey) {
    const z = e.key.toLowerCase() === 'z' && !e.shiftKey
    return z ? 'undo' : null
  }
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key
  const command = BY_KEY.get(e.key === '?' ? '?' : key) ?? null
  if (command === null) return null
  const inWidget =
    e.target instanceof HTMLElement &&
    e.target.closest('button, a, [role="grid"], .ag-root, [role="separator"]') !== null
  if (inWidget && (e.key === 'Enter' || e.key === 'ArrowDown' || e.key === 'ArrowUp')) return null
  return command
}
