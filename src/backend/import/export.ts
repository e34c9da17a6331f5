// Writing rows out for clerks: CSV that Excel opens in UTF-8, and XLSX; formula injection neutralised.
import ExcelJS from 'exceljs'
import { csvField } from '../../core/import/csv'

/** A cell starting with = + - @ would run as a formula in Excel: keep it text. */
export function safeCell(v: string | number | null | undefined): string | number {
  if (v == null) return ''
  if (typeof v === 'number') return v
  return /^[=+\-@\t\r]/.test(v) ? `'${v}` : v
}

export function toCsv(header: string[], rows: (string | number | null)[][]): Buffer {
  const lines = [header, ...rows].map((r) => r.map((v) => csvField(safeCell(v))).join(','))
  // The BOM makes Excel read the file as UTF-8, so Vietnamese shows correctly.
  return Buffer.from(`\ufeff${lines.join('\r\n')}\r\n`, 'utf8')
}

export async function toXlsx(
  sheet: string,
  header: string[],
  rows: (string | number | null)[][]
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet(sheet.slice(0, 31))
  ws.addRow(header).font = { bold: true }
  for (const r of rows) ws.addRow(r.map((v) => (typeof v === 'string' ? v : (v ?? ''))))
  ws.columns.forEach((c) => (c.width = 24))
  return Buffer.from(await wb.xlsx.writeBuffer())
}
