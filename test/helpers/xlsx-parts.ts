// Hand-made .xlsx files for tests: a zip written byte by byte, so a test can build what no
// spreadsheet program writes (forged indexes, bombs, odd but legal XML) as well as what they do.
import { crc32, deflateRawSync } from 'node:zlib'

/** A zip of these parts, each deflated (or stored). */
export function zip(parts: Record<string, string | Buffer>, o: { store?: boolean } = {}): Buffer {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const [name, content] of Object.entries(parts)) {
    const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : content
    const body = o.store ? data : deflateRawSync(data, { level: 9 })
    const nameBytes = Buffer.from(name, 'utf8')
    const crc = crc32(data)
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(0x800, 6)
    local.writeUInt16LE(o.store ? 0 : 8, 8)
    local.writeUInt32LE(crc, 14)
    local.writeUInt32LE(body.length, 18)
    local.writeUInt32LE(data.length, 22)
    local.writeUInt16LE(nameBytes.length, 26)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4)
    central.writeUInt16LE(20, 6)
    central.writeUInt16LE(0x800, 8)
    central.writeUInt16LE(o.store ? 0 : 8, 10)
    central.writeUInt32LE(crc, 16)
    central.writeUInt32LE(body.length, 20)
    central.writeUInt32LE(data.length, 24)
    central.writeUInt16LE(nameBytes.length, 28)
    central.writeUInt32LE(offset, 42)
    locals.push(local, nameBytes, body)
    centrals.push(central, nameBytes)
    offset += 30 + nameBytes.length + body.length
  }
  const cd = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(Object.keys(parts).length, 8)
  end.writeUInt16LE(Object.keys(parts).length, 10)
  end.writeUInt32LE(cd.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, cd, end])
}

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'

/** Escape text for XML. */
export const x = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

export interface SheetSpec {
  /** The inside of <sheetData>. */
  rows: string
  /** The inside of <mergeCells>, if any. */
  merges?: string
  name?: string
}

/**
 * A workbook from raw parts: sheets' XML, the shared-strings table (raw <si> elements or plain
 * texts), styles (cellXfs number formats), and the workbook properties.
 */
export function workbook(o: {
  sheets: SheetSpec[]
  strings?: string[] | { raw: string }
  /** numFmtId of each cell style (index = the s attribute). */
  styles?: number[]
  customFormats?: Record<number, string>
  date1904?: boolean
  extra?: Record<string, string | Buffer>
}): Buffer {
  const parts: Record<string, string | Buffer> = {
    '[Content_Types].xml': `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>`,
    '_rels/.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${NS}" xmlns:r="${REL}">${o.date1904 ? '<workbookPr date1904="1"/>' : ''}<sheets>${o.sheets
      .map(
        (s, i) =>
          `<sheet name="${x(s.name ?? `Sheet${i + 1}`)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`
      )
      .join('')}</sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${o.sheets
      .map(
        (_s, i) =>
          `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`
      )
      .join(
        ''
      )}<Relationship Id="rS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rY" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
    'xl/styles.xml': `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${NS}"><numFmts>${Object.entries(
      o.customFormats ?? {}
    )
      .map(([id, code]) => `<numFmt numFmtId="${id}" formatCode="${x(code)}"/>`)
      .join('')}</numFmts><cellXfs>${(o.styles ?? [0])
      .map((id) => `<xf numFmtId="${id}"/>`)
      .join('')}</cellXfs></styleSheet>`,
    ...o.extra
  }
  const strings = o.strings ?? []
  parts['xl/sharedStrings.xml'] = `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${NS}">${
    Array.isArray(strings) ? strings.map((s) => `<si><t>${x(s)}</t></si>`).join('') : strings.raw
  }</sst>`
  o.sheets.forEach((s, i) => {
    parts[`xl/worksheets/sheet${i + 1}.xml`] ??=
      `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${NS}" xmlns:r="${REL}"><sheetData>${s.rows}</sheetData>${
        s.merges ? `<mergeCells>${s.merges}</mergeCells>` : ''
      }</worksheet>`
  })
  return zip(parts)
}

/** A row of inline-string cells (or numbers), from column A. */
export function row(n: number, cells: (string | number | null)[]): string {
  const c = cells
    .map((v, i) => {
      if (v === null) return ''
      const ref = `${String.fromCharCode(65 + i)}${n}`
      return typeof v === 'number'
        ? `<c r="${ref}"><v>${v}</v></c>`
        : `<c r="${ref}" t="inlineStr"><is><t>${x(v)}</t></is></c>`
    })
    .join('')
  return `<row r="${n}">${c}</row>`
}
