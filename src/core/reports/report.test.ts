// The report model: counts add up, mismatches rank, corrections flatten, and the HTML says it in Vietnamese.
import { describe, expect, it } from 'vitest'
import { tr } from '../../shared/i18n'
import { renderReportHtml } from './report-html'
import {
  buildReport,
  reportFileName,
  reportNumber,
  reportPercent,
  reportSheets,
  type ReportInput,
  type Translate
} from './report'

const vi: Translate = (key, params) => tr(key, params, 'vi')
const en: Translate = (key, params) => tr(key, params, 'en')

function input(over: Partial<ReportInput> = {}): ReportInput {
  return {
    scope: { kind: 'batch', batchId: 2 },
    commune: { code: '21109', name: 'Xã Đông Sơn, Tỉnh Quảng Ngãi' },
    batches: [
      {
        batchId: 2,
        fileName: 'so-ho-tich.csv',
        kind: 'registry',
        createdAt: '2026-11-02T08:00:00.000Z',
        rowsRead: 12,
        rowsAccepted: 11,
        rowsRejected: 1
      }
    ],
    run: { id: 3, startedAt: '2026-11-03T09:00:00.000Z' },
    generatedAt: '2026-11-27T10:00:00.000Z',
    generatedBy: 'Nguyễn Thị Lan',
    period: { from: '2026-11-04T01:00:00.000Z', to: '2026-11-20T01:00:00.000Z' },
    groups: [
      { grade: 'certain', state: 'accepted', flags: ['name_diacritics'], count: 4 },
      { grade: 'certain', state: 'open', flags: [], count: 3 },
      { grade: 'probable', state: 'open', flags: ['name_typo', 'dob_swap'], count: 2 },
      { grade: 'possible', state: 'rejected', flags: ['name_typo'], count: 1 },
      { grade: 'none', state: 'not_in_population', flags: ['unmatched'], count: 1 }
    ],
    corrections: [
      {
        uuid: 'b',
        populationKey: 'DC-0002',
        name: 'Trần Thị Thủy',
        side: 'population',
        reason: 'dob_day_month_swap',
        reasonText: null,
        evidence: 'GKS số 12/2001',
        state: 'approved',
        proposedBy: 'canbo1',
        proposedAt: '2026-11-10T02:00:00.000Z',
        fields: [{ field: 'dob', oldValue: '2001-05-03', newValue: '2001-03-05' }]
      },
      {
        uuid: 'a',
        populationKey: 'DC-0001',
        name: 'Lê <b>Văn</b> Đạt',
        side: 'local',
        reason: 'other',
        reasonText: 'sổ gốc ghi khác',
        evidence: null,
        state: 'proposed',
        proposedBy: 'canbo1',
        proposedAt: '2026-11-09T02:00:00.000Z',
        fields: [
          { field: 'full_name', oldValue: 'Le Van Dat', newValue: 'Lê Văn Đạt' },
          { field: 'sex', oldValue: null, newValue: 'M' }
        ]
      }
    ],
    ...over
  }
}

describe('buildReport', () => {
  it('adds the groups up by grade, state and flag, and counts progress', () => {
    const r = buildReport(input())
    expect(r.summary.total).toBe(11)
    expect(r.summary.byGrade).toEqual({ certain: 7, probable: 2, possible: 1, none: 1 })
    expect(r.summary.matched).toBe(10)
    expect(r.summary.unmatched).toBe(1)
    expect(r.summary.byState.open).toBe(5)
    expect(r.summary.decided).toBe(6)
    expect(r.summary.remaining).toBe(5)
    expect(r.summary.reviewedShare).toBeCloseTo(6 / 11)
    expect(r.summary.correctionsProposed).toBe(1)
    expect(r.summary.correctionsApproved).toBe(1)
    expect(r.summary.correctionsOther).toBe(0)
  })

  it('ranks mismatches by count, then by name, with their share of the records', () => {
    const r = buildReport(input())
    expect(r.mismatches.map((m) => [m.flag, m.count])).toEqual([
      ['name_diacritics', 4],
      ['name_typo', 3],
      ['dob_swap', 2],
      ['unmatched', 1]
    ])
    expect(r.mismatches[0]!.share).toBeCloseTo(4 / 11)
  })

  it('lists corrections oldest first, one numbered line per field', () => {
    const r = buildReport(input())
    expect(r.corrections.map((c) => [c.no, c.uuid, c.field])).toEqual([
      [1, 'a', 'full_name'],
      [2, 'a', 'sex'],
      [3, 'b', 'dob']
    ])
  })

  it('reports an empty scope as zeros, not as a division by zero', () => {
    const r = buildReport(input({ groups: [], corrections: [], run: null, period: null }))
    expect(r.summary.total).toBe(0)
    expect(r.summary.reviewedShare).toBe(0)
    expect(r.mismatches).toEqual([])
    const html = renderReportHtml(r, vi, 'vi')
    expect(html).toContain('Không có sai lệch nào.')
    expect(html).toContain('Chưa có đề xuất đính chính nào.')
  })
})

/** Groups with links the run accepted on its own and records not found, beside decided and open. */
const withAuto: ReportInput['groups'] = [
  ...input().groups,
  { grade: 'certain', state: 'auto_accepted', flags: [], count: 5 },
  { grade: 'none', state: 'open', flags: ['unmatched'], count: 1 },
  { grade: 'possible', state: 'open', flags: [], count: 1 }
]

/** The summary table as the printed page shows it: label and count of each row, in order. */
function summaryRows(html: string): { label: string; count: number }[] {
  const table = html.split('<h2>1.')[1]!.split('<h2>2.')[0]!
  return [...table.matchAll(/<tr><td>([^<]*)<\/td><td class="n">([\d.]+)<\/td>/g)].map((m) => ({
    label: m[1]!,
    count: Number(m[2]!.replace(/\./g, ''))
  }))
}

describe('summary table', () => {
  const rows = summaryRows(renderReportHtml(buildReport(input({ groups: withAuto })), vi, 'vi'))
  const count = (label: string): number => rows.find((r) => r.label === label)!.count
  /** The "— " rows printed under a heading, up to the next heading. */
  const under = (label: string): { label: string; count: number }[] => {
    const i = rows.findIndex((r) => r.label === label)
    const end = rows.findIndex((r, j) => j > i && !r.label.startsWith('— '))
    return rows.slice(i + 1, end)
  }

  it('puts each row under the heading it belongs to, and the rows under a heading add up to it', () => {
    expect(under('Tìm thấy trong CSDL dân cư').map((r) => r.label)).toEqual([
      '— Khớp chắc chắn',
      '— Khớp khả năng cao',
      '— Có thể khớp'
    ])
    expect(under('Đã xem xét').map((r) => r.label)).toEqual([
      '— Đã chấp nhận liên kết',
      '— Đã bác bỏ liên kết',
      '— Đã liên kết với bản ghi khác',
      '— Bản ghi trùng lặp',
      '— Không có trong CSDL dân cư'
    ])
    expect(under('Chưa xem xét')).toEqual([])
    expect(rows.some((r) => r.label.includes('Tự động') && r.label.startsWith('— '))).toBe(false)
    for (const heading of ['Tìm thấy trong CSDL dân cư', 'Đã xem xét'])
      expect(under(heading).reduce((n, r) => n + r.count, 0)).toBe(count(heading))
  })

  it('splits the total once by what the run found and once by where review stands', () => {
    const total = count('Tổng số bản ghi đối soát')
    expect(total).toBe(18)
    expect(count('Tìm thấy trong CSDL dân cư') + count('Không tìm thấy trong CSDL dân cư')).toBe(
      total
    )
    expect(count('Không tìm thấy trong CSDL dân cư')).toBe(2)
    expect(
      count('Đã xem xét') +
        count('Liên kết tự động chấp nhận (chưa ai xem xét)') +
        count('Chưa xem xét')
    ).toBe(total)
    expect(count('Liên kết tự động chấp nhận (chưa ai xem xét)')).toBe(5)
    expect(count('Chưa xem xét')).toBe(7)
  })
})

describe('formats', () => {
  it('writes numbers and shares the Vietnamese and the English way', () => {
    expect(reportNumber(1234567, 'vi')).toBe('1.234.567')
    expect(reportNumber(1234567, 'en')).toBe('1,234,567')
    expect(reportPercent(4 / 11, 'vi')).toBe('36,4%')
    expect(reportPercent(4 / 11, 'en')).toBe('36.4%')
  })

  it('names the file after the scope and the day, with no characters a system refuses', () => {
    const r = buildReport(input())
    expect(reportFileName(r, 'pdf')).toBe('bien-ban-doi-soat-lo-2-2026-11-27.pdf')
    const c = buildReport(input({ scope: { kind: 'commune', commune: '21109' } }))
    expect(reportFileName(c, 'xlsx')).toBe('bien-ban-doi-soat-xa-21109-2026-11-27.xlsx')
  })
})

describe('renderReportHtml', () => {
  const r = buildReport(input())
  const html = renderReportHtml(r, vi, 'vi')

  it('is one UTF-8 page with the title, the header, the sections and the signatures', () => {
    expect(html).toMatch(/^<!doctype html>/)
    expect(html).toContain('<meta charset="utf-8">')
    expect(html).toContain('BIÊN BẢN ĐỐI SOÁT DỮ LIỆU')
    expect(html).toContain('UBND XÃ ĐÔNG SƠN')
    expect(html).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')
    expect(html).toContain('Lô dữ liệu số 2 (so-ho-tich.csv)')
    expect(html).toContain('lần chạy số 3, ngày 03/11/2026')
    expect(html).toContain('04/11/2026 – 20/11/2026')
    expect(html).toContain('Họ tên gõ không dấu')
    expect(html).toContain('Trần Thị Thủy')
    expect(html).toContain('Đảo ngày và tháng sinh')
    for (const role of ['CÁN BỘ ĐỐI SOÁT', 'NGƯỜI DUYỆT', 'THỦ TRƯỞNG ĐƠN VỊ'])
      expect(html).toContain(role)
    expect(html).toContain('(Ký, ghi rõ họ tên)')
  })

  it('loads nothing and runs nothing: no script, no external URL, text escaped', () => {
    expect(html).not.toMatch(/<script|src=|href=|url\(/i)
    expect(html).toContain('Lê &lt;b&gt;Văn&lt;/b&gt; Đạt')
    expect(html).toContain("default-src 'none'")
  })

  it('speaks English when asked', () => {
    const page = renderReportHtml(r, en, 'en')
    expect(page).toContain('<html lang="en">')
    expect(page).toContain('DATA RECONCILIATION REPORT')
    expect(page).toContain('HEAD OF UNIT')
  })
})

describe('reportSheets', () => {
  it('gives the XLSX the same figures: summary, mismatches, corrections, signatures', () => {
    const sheets = reportSheets(buildReport(input({ groups: withAuto })), vi)
    expect(sheets.map((s) => s.name)).toEqual(['Tổng hợp', 'Sai lệch', 'Đính chính', 'Ký xác nhận'])
    const summary = new Map(sheets[0]!.rows.map((row) => [row[0], row[1]]))
    expect(summary.get('Tổng số bản ghi đối soát')).toBe(18)
    expect(summary.get('Đã xem xét')).toBe(6)
    expect(summary.get('— Khớp chắc chắn')).toBe(12)
    expect(summary.get('Không tìm thấy trong CSDL dân cư')).toBe(2)
    expect(summary.get('Liên kết tự động chấp nhận (chưa ai xem xét)')).toBe(5)
    expect(sheets[1]!.rows[0]).toEqual([1, 'Họ tên gõ không dấu', 4, 22.2])
    expect(sheets[2]!.rows).toHaveLength(3)
    expect(sheets[2]!.rows[2]!.slice(3, 6)).toEqual(['Ngày sinh', '03/05/2001', '05/03/2001'])
    expect(sheets[2]!.rows[0]).toEqual([
      1,
      'DC-0001',
      'Lê <b>Văn</b> Đạt',
      'Họ và tên',
      'Le Van Dat',
      'Lê Văn Đạt',
      'Dữ liệu tại địa phương sai',
      'Lý do khác (ghi rõ): sổ gốc ghi khác',
      'Đã đề xuất',
      'canbo1',
      '09/11/2026'
    ])
    expect(sheets[3]!.header).toEqual(['CÁN BỘ ĐỐI SOÁT', 'NGƯỜI DUYỆT', 'THỦ TRƯỞNG ĐƠN VỊ'])
  })
})
