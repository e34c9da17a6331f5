// `doisoat audit verify`: walk the audit chain and name the first broken link.
import { resolve } from 'node:path'
import { tr } from '../../shared/i18n'
import { verifyAudit } from '../../backend/audit/audit'
import type { Command } from '../command'
import { openReadonly } from '../unlock'

export const auditVerify: Command = {
  name: 'audit verify',
  options: [
    { name: 'db', type: 'string', required: true, arg: 'D' },
    { name: 'json', type: 'boolean' }
  ],
  async run(opts, ctx) {
    const db = await openReadonly(resolve(String(opts.db)), ctx)
    let v: ReturnType<typeof verifyAudit>
    try {
      v = verifyAudit(db)
    } finally {
      db.close()
    }
    if (opts.json === true) ctx.out(JSON.stringify(v))
    else if (v.ok)
      ctx.out(tr('cli.audit.ok', { checked: v.checked, lastId: v.lastId ?? 0 }, ctx.lang))
    else {
      const gap = v.missingIds
        ? tr('cli.audit.gap', { from: v.missingIds[0], to: v.missingIds[1] }, ctx.lang)
        : ''
      const what = tr(`cli.audit.${v.problem}`, { after: v.after ?? '', gap }, ctx.lang)
      ctx.err(tr('cli.audit.broken', { id: v.brokenAt, what }, ctx.lang))
      ctx.err(tr('cli.audit.checkedBefore', { checked: v.checked }, ctx.lang))
    }
    return v.ok ? 0 : 1
  }
}
