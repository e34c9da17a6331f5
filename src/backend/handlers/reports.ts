// 'review/timeline', 'reports/*', 'grid/export': the dashboard's progress line, the reconciliation report, grid exports.
import type { reportInputs } from '../../shared/api'
import { tr } from '../../shared/i18n'
import { reportFileName, type Translate } from '../../core/reports/report'
import { renderReportHtml } from '../../core/reports/report-html'
import { exportGrid, MIME } from '../reports/grid-export'
import { htmlToPdf } from '../reports/pdf'
import { loadReport, reportScopes } from '../reports/report-data'
import { reportXlsx } from '../reports/report-xlsx'
import { reviewTimeline } from '../reports/timeline'
import type { HandlerContext, Handlers } from './types'

/** Who a report names as its author: the signed-in user's display name. */
function author(ctx: HandlerContext): string {
  return ctx.user?.displayName ?? ctx.actor
}

export const reportHandlers: Handlers<keyof typeof reportInputs> = {
  'review/timeline': (args, { db }) => reviewTimeline(db, args.batchId, args.days),
  'reports/scopes': (_args, { db }) => reportScopes(db),
  'reports/build': (args, ctx) => loadReport(ctx.db, args, author(ctx)),
  'reports/export': async (args, ctx) => {
    const { db } = ctx
    const report = await loadReport(db, args, author(ctx))
    const t: Translate = (key, params) => tr(key, params, args.lang)
    const fileName = reportFileName(report, args.format)
    if (args.format === 'xlsx')
      return {
        fileName,
        mime: MIME.xlsx,
        base64: (await reportXlsx(report, t)).toString('base64')
      }
    const html = renderReportHtml(report, t, args.lang)
    // In the desktop app the main process answers 'pdf' itself (printToPDF) from this 'html'.
    if (args.format === 'html')
      return { fileName, mime: MIME.html, base64: Buffer.from(html, 'utf8').toString('base64') }
    return { fileName, mime: MIME.pdf, base64: (await htmlToPdf(html)).toString('base64') }
  },
  'grid/export': (args, { db }) => exportGrid(db, args, args.lang)
}
