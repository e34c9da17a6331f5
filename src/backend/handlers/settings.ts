// 'settings/*': settings of the whole app, kept in the database (app_setting) and audited.
import type { AppSettings, settingsInputs } from '../../shared/api'
import { appendAudit } from '../audit/audit'
import type { Db } from '../db/open'
import type { Handlers } from './types'

/** Whether an admin also holds the clerk's permissions (checked by the host on every call). */
export function adminReviews(db: Db): boolean {
  return (
    db.prepare("SELECT value FROM app_setting WHERE key = 'admin_reviews'").pluck().get() === '1'
  )
}

const settingsOf = (db: Db): AppSettings => ({ adminReviews: adminReviews(db) })

export const settingsHandlers: Handlers<keyof typeof settingsInputs> = {
  'settings/get': (_args, { db }) => settingsOf(db),
  'settings/set': (args, { db, actor }) =>
    db
      .transaction(() => {
        const before = adminReviews(db)
        if (before !== args.adminReviews) {
          const at = new Date().toISOString()
          db.prepare(
            `INSERT INTO app_setting (key, value, updated_by, updated_at)
             VALUES ('admin_reviews', ?, ?, ?)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value,
               updated_by = excluded.updated_by, updated_at = excluded.updated_at`
          ).run(args.adminReviews ? '1' : '0', actor, at)
          appendAudit(db, {
            actor,
            action: 'settings/admin_reviews',
            entity: 'app_setting',
            entityId: 'admin_reviews',
            at,
            detail: { before, after: args.adminReviews }
          })
        }
        return settingsOf(db)
      })
      .immediate()
}
