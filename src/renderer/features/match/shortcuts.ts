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
  | 'reopen'
  | 'help'

/** Keys (KeyboardEvent.key) per command; the first one is what the help overlay and buttons show. */
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
  { command: 'reopen', keys: ['u'] },
  { command: 'help', keys: ['?'] }
]

const BY_KEY = new Map(SHORTCUTS.flatMap(({ command, keys }) => keys.map((k) => [k, command])))

/** Keys as the keyboard prints them: a letter in capitals, an arrow as an arrow. */
const KEY_CAPS: Record<string, string> = { ArrowDown: '↓', ArrowUp: '↑' }

export function keyCap(key: string): string {
  return key.length === 1 ? key.toUpperCase() : (KEY_CAPS[key] ?? key)
}

export function keyLabel(command: Command): string {
  return keyCap(SHORTCUTS.find((s) => s.command === command)!.keys[0]!)
}

/** True when the key goes to something the clerk types in (or a control that uses keys itself). */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  if (target.isContentEditable) return true
  const tag = target.tagName
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT'
}

/**
 * The command a key press asks for, or null: never while typing, never with Ctrl/Alt/Meta (those
 * belong to the browser and the system), and Enter and arrows only outside buttons and the grid,
 * which use them for themselves.
 */
export function commandFor(
  e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'altKey' | 'metaKey' | 'target'>
): Command | null {
  if (e.ctrlKey || e.altKey || e.metaKey) return null
  if (isTypingTarget(e.target)) return null
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key
  const command = BY_KEY.get(e.key === '?' ? '?' : key) ?? null
  if (command === null) return null
  const inWidget =
    e.target instanceof HTMLElement &&
    e.target.closest('button, a, [role="grid"], .ag-root') !== null
  if (inWidget && (e.key === 'Enter' || e.key === 'ArrowDown' || e.key === 'ArrowUp')) return null
  return command
}
