// Backup names and rotation: commune, date and time in the name; the last N and one a week kept.
import { describe, expect, it } from 'vitest'
import { backupFileName, parseBackupFileName, planRotation } from './rotation'

const DAY = 86_400_000

describe('backup file names', () => {
  it('carry the commune and the local date and time, and read back', () => {
    const at = new Date(2026, 2, 5, 14, 30, 7)
    const name = backupFileName('Xã Tà Hine 24991', at)
    expect(name).toBe('doisoat-xa-ta-hine-24991-2026-03-05-143007.bak')
    expect(parseBackupFileName(name)).toEqual({ commune: 'xa-ta-hine-24991', at })
    expect(backupFileName('24991', at, 2)).toBe('doisoat-24991-2026-03-05-143007-2.bak')
    expect(parseBackupFileName('doisoat-24991-2026-03-05-143007-2.bak')?.at).toEqual(at)
  })

  it('reads nothing else as a backup', () => {
    for (const n of [
      'doisoat-24991-2026-03-05-143007.bak.tmp-host-123',
      'doisoat-24991-2026-03-05-143007.bak.keys.json',
      'doisoat-24991-2026-13-05-143007.bak',
      'notes.bak',
      '../doisoat-x-2026-03-05-143007.bak'
    ])
      expect(parseBackupFileName(n), n).toBeNull()
  })
})

describe('planRotation', () => {
  const now = Date.UTC(2026, 5, 30, 12)
  const daily = (days: number) =>
    Array.from({ length: days }, (_, i) => ({
      name: `b${String(i).padStart(3, '0')}`,
      time: now - i * DAY
    }))

  it('keeps the last N and the newest of each calendar week of the last month, removes the rest', () => {
    // 1970-01-01 (the epoch) was a Thursday: weeks run Thursday to Wednesday. `now` is a Tuesday.
    const all = daily(60)
    const removed = planRotation(all, now, { keepLast: 7, weeklyForDays: 31 })
    const kept = all.map((b) => b.name).filter((n) => !removed.includes(n))
    // Days 0-6 back (the last seven); then the newest of each earlier week, its Wednesday: 13,
    // 20 and 27 days back (34 days back is older than a month).
    expect(kept).toEqual([
      'b000',
      'b001',
      'b002',
      'b003',
      'b004',
      'b005',
      'b006',
      'b013',
      'b020',
      'b027'
    ])
    expect(removed).toHaveLength(50)
  })

  it('the weekly backup it keeps stays kept as the days go by, until it is a month old', () => {
    let backups: { name: string; time: number }[] = []
    for (let d = 0; d <= 45; d++) {
      backups.push({ name: `d${d}`, time: d * DAY })
      const removed = planRotation(backups, d * DAY, { keepLast: 2, weeklyForDays: 31 })
      backups = backups.filter((b) => !removed.includes(b.name))
    }
    // The last two (d44, d45), then the newest of the weeks of days 35-41, 28-34, 21-27 and
    // 14-20; the week of days 7-13 ended 32 days before day 45.
    expect(backups.map((b) => b.name)).toEqual(['d20', 'd27', 'd34', 'd41', 'd44', 'd45'])
  })

  it('never removes the newest, whatever the policy says', () => {
    expect(planRotation(daily(3), now, { keepLast: 0, weeklyForDays: 0 })).toEqual(['b001', 'b002'])
  })

  it('a backup dated in the future (a clock set wrong) is kept as this week s', () => {
    const all = [...daily(10), { name: 'future', time: now + 40 * DAY }]
    const removed = planRotation(all, now, { keepLast: 2, weeklyForDays: 31 })
    expect(removed).not.toContain('future')
    expect(removed).not.toContain('b000')
  })
})
