// The report as an Excel workbook: one sheet per part (summary, mismatches, corrections, signatures).
import ExcelJS from 'exceljs'
import type { ReconciliationReport } from '../../shared/api'
import { reportSheets, type Translate } from '../../core/reports/report'
import { safeCell } from '../import/export'

export async function reportXlsx(r: ReconciliationReport, t: Translate): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  wb.creator = 'Đối soát'
  wb.created = new Date(r.generatedAt)
  for (const sheet of reportSheets(r, t)) {
    const ws = wb.addWorksheet(sheet.name.slice(0, 31))
    const title = ws.addRow([sheet.title])
    title.font = { bold: true, size: 14 }
    ws.addRow([])
    ws.addRow(sheet.header).font = { bold: true }
    for (const cells of sheet.rows) ws.addRow(cells.map((c) => safeCell(c)))
    ws.columns.forEach((c, i) => (c.width = i === 0 ? 36 : 22))
  }
  return Buffer.from(await wb.xlsx.writeBuffer())
}
