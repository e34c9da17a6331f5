// The sample registry as an Excel workbook, the way commune software exports it: title rows, merged title, real date cells.
import ExcelJS from 'exceljs'
import { createReadStream } from 'node:fs'
import { StringDecoder } from 'node:string_decoder'
import { createCsvParser } from '../../core/import/csv'

const DMY = /^(\d{2})\/(\d{2})\/(\d{4})$/
/** From 1 March 1900 on, exceljs and Excel give a date the same serial number. */
const FIRST_EXACT_DAY = Date.UTC(1900, 2, 1)

/** Copy a UTF-8 CSV into an .xlsx (streaming: memory stays flat), below two title rows. */
export async function csvToXlsx(csvPath: string, xlsxPath: string, title: string): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: xlsxPath, useStyles: true })
  const ws = wb.addWorksheet('Danh sách')
  const parser = createCsvParser(',')
  const decoder = new StringDecoder('utf8')
  let header: string[] | null = null
  let dateColumns = new Set<number>()
  const add = (values: string[]): void => {
    if (values.length === 1 && values[0] === '') return // a blank line
    if (!header) {
      header = values.map((v) => v.replace(/^\ufeff/, ''))
      const titleRow = ws.addRow([title])
      ws.mergeCells(1, 1, 1, header.length)
      titleRow.commit()
      ws.addRow([]).commit()
      const h = ws.addRow(header)
      h.font = { bold: true }
      h.commit()
      dateColumns = new Set(header.flatMap((name, i) => (/^Ngày/.test(name) ? [i] : [])))
      return
    }
    const row = ws.addRow(
      values.map((v, i) => {
        const m = dateColumns.has(i) ? DMY.exec(v) : null
        // Full dates become Excel dates (serial numbers with a date format); partial ones stay
        // text, and so do dates before March 1900, which exceljs numbers one day off Excel.
        const date = m ? new Date(Date.UTC(Number(m[3]), Number(m[2]) - 1, Number(m[1]))) : null
        return date && date.getTime() >= FIRST_EXACT_DAY ? date : v
      })
    )
    dateColumns.forEach((i) => (row.getCell(i + 1).numFmt = 'dd/mm/yyyy'))
    row.commit()
  }
  for await (const buf of createReadStream(csvPath)) {
    for (const r of parser.push(decoder.write(buf as Buffer))) add(r)
  }
  for (const r of [...parser.push(decoder.end()), ...parser.end()])
    if (r.length > 1 || r[0] !== '') add(r)
  ws.commit()
  await wb.commit()
}
