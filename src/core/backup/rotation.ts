// Backup file names (commune, date and time) and which old backups a rotation removes: the last N,
// plus the newest of each calendar week over the last month, are kept.

export const BACKUP_EXTENSION = '.bak'

export interface RotationPolicy {
  /** The newest backups always kept. */
  keepLast: number
  /** Also keep the newest backup of each 7-day period over this many days. */
  weeklyForDays: number
}

export const DEFAULT_ROTATION: RotationPolicy = { keepLast: 7, weeklyForDays: 31 }

const DAY_MS = 86_400_000

/** The commune part of a name: its code, or any label, reduced to a-z, 0-9 and dashes. */
export function nameLabel(text: string): string {
  const folded = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
  return folded || 'xa'
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0')

/**
 * `doisoat-<commune>-<YYYY-MM-DD>-<HHMMSS>.bak` in local time: sorts by date, and tells a clerk
 * looking at a USB stick which commune and when. `seq` > 1 when that second is taken already.
 */
export function backupFileName(commune: string, at: Date, seq = 1): string {
  const date = `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`
  const time = `${pad(at.getHours())}${pad(at.getMinutes())}${pad(at.getSeconds())}`
  const suffix = seq > 1 ? `-${seq}` : ''
  return `doisoat-${nameLabel(commune)}-${date}-${time}${suffix}${BACKUP_EXTENSION}`
}

const NAME = /^doisoat-([a-z0-9-]+?)-(\d{4})-(\d{2})-(\d{2})-(\d{2})(\d{2})(\d{2})(?:-(\d+))?\.bak$/

/** The commune label and local time of a backup file name; null for any other file. */
export function parseBackupFileName(name: string): { commune: string; at: Date } | null {
  const m = NAME.exec(name)
  if (!m) return null
  const [, commune, y, mo, d, h, mi, s] = m
  const at = new Date(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s))
  if (Number.isNaN(at.getTime()) || at.getMonth() !== Number(mo) - 1) return null
  return { commune: commune!, at }
}

export interface RotationCandidate {
  name: string
  /** Milliseconds since the epoch: when the backup's snapshot was taken. */
  time: number
}

/**
 * The backups to remove. Kept: the `keepLast` newest, and the newest of each calendar week (fixed
 * 7-day periods, so the one a week kept stays the one kept as days pass) not older than
 * `weeklyForDays`. A backup dated in the future (a clock set wrong) is never counted as old.
 */
export function planRotation(
  backups: readonly RotationCandidate[],
  now: number,
  policy: RotationPolicy = DEFAULT_ROTATION
): string[] {
  const newestFirst = [...backups].sort((a, b) => b.time - a.time || (a.name < b.name ? 1 : -1))
  const keep = new Set<string>()
  newestFirst.slice(0, Math.max(1, policy.keepLast)).forEach((b) => keep.add(b.name))
  const weeks = new Set<number>()
  for (const b of newestFirst) {
    if (now - b.time > policy.weeklyForDays * DAY_MS) continue
    const week = Math.floor(b.time / (7 * DAY_MS))
    if (weeks.has(week)) continue
    weeks.add(week)
    keep.add(b.name)
  }
  return newestFirst.filter((b) => !keep.has(b.name)).map((b) => b.name)
}
