// @vitest-environment jsdom
// The import screen as a clerk uses it, against a scripted backend: preview, mapping, blocks, duplicate, job, summary.
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { ApiName, ImportPreview, ImportSummary, WindowApi } from '../../../shared/api'
import { ApiError } from '../../../shared/errors'
import { setApi } from '../../lib/api'
import '../../lib/grid-setup'
import { fakeApi, setUpScreenTests } from '../../test-support'
import { ImportScreen } from './import-screen'

const HEADERS = ['STT', 'Mã hồ sơ', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Ghi chú']
const DETECTED: ImportPreview['columnFields'] = [
  'row_no',
  'record_key',
  'full_name',
  'dob',
  'sex',
  null
]

/** A TCVN3 register as the backend previews it: real-shaped, three rows, one rejected. */
function canned(patch: Partial<ImportPreview> = {}): ImportPreview {
  return {
    fileName: 'registry.tcvn3.csv',
    sha256: 'ab'.repeat(32),
    size: 17_246,
    format: 'csv',
    encoding: {
      detected: 'tcvn3',
      used: 'tcvn3',
      confidence: 0.97,
      candidates: [
        { encoding: 'tcvn3', score: 0.97 },
        { encoding: 'windows-1252', score: 0.2 }
      ]
    },
    delimiter: ',',
    sheets: null,
    sheet: null,
    headerRow: 1,
    headers: HEADERS,
    columnFields: DETECTED,
    mapping: {
      fields: {
        row_no: 'STT',
        record_key: 'Mã hồ sơ',
        full_name: 'Họ và tên',
        dob: 'Ngày sinh',
        sex: 'Giới tính'
      }
    },
    missing: [],
    rows: [
      {
        rowNumber: 2,
        values: ['1', 'HT-000001', 'Đỗ Nan', '2022', 'Nam', ''],
        record: { record_key: 'HT-000001', full_name: 'Đỗ Nan', dob: '2022', sex: 'M' },
        rejected: null,
        warnings: []
      },
      {
        rowNumber: 3,
        values: ['2', 'HT-000002', 'Phạm Mai Mai', '31/02/1995', 'Nữ', ''],
        record: { record_key: 'HT-000002', full_name: 'Phạm Mai Mai', dob: null, sex: 'F' },
        rejected: null,
        warnings: ['bad_dob']
      },
      {
        rowNumber: 4,
        values: ['3', 'HT-000003', '', '05/12/2011', 'Nữ', ''],
        record: null,
        rejected: ['no_name'],
        warnings: []
      }
    ],
    counts: { read: 100, accepted: 99, rejected: 1 },
    rejectedReasons: { no_name: 1 },
    warnings: { bad_dob: 1 },
    duplicateOf: null,
    ...patch
  }
}

const SUMMARY: ImportSummary = {
  batchId: 7,
  kind: 'registry',
  fileName: 'registry.tcvn3.csv',
  rowsRead: 100,
  rowsAccepted: 99,
  rowsRejected: 1,
  rejectedReasons: { no_name: 1 },
  warnings: { bad_dob: 1 }
}

const PATH = '/home/canbo/registry.tcvn3.csv'

function backend(preview: (args: never) => ImportPreview = () => canned()) {
  return fakeApi({
    'profiles/list': () => [],
    'dialog/openFile': () => ({ path: PATH }),
    'import/preview': preview,
    'import/file': () => ({ jobId: 'imp1' }),
    'import/rejected': () => ({
      rows: [{ rowNumber: 4, rawText: '3,HT-000003,,05/12/2011,Nữ,', reasons: ['no_name'] }],
      total: 1
    }),
    'import/exportRejected': () => ({
      fileName: 'tu-choi-lo-7.csv',
      mime: 'text/csv',
      base64: btoa('row,reasons\r\n')
    }),
    'jobs/list': () => [],
    'jobs/cancel': () => ({ cancelled: true })
  })
}

/** Step 1 done the way a clerk does it: the kind, then the file. */
async function chooseRegistryFile(): Promise<void> {
  fireEvent.change(screen.getByLabelText('Loại dữ liệu'), { target: { value: 'registry' } })
  fireEvent.click(screen.getByRole('button', { name: 'Chọn tệp…' }))
  await screen.findByTestId('import-preview')
}

function columnSelect(header: string): HTMLSelectElement {
  return screen.getByRole('combobox', { name: `Trường dữ liệu cho cột "${header}"` })
}

setUpScreenTests()
afterEach(() => {
  vi.restoreAllMocks()
})

describe('the preview', () => {
  it('shows encoding and confidence, delimiter, header row, a dropdown per column and the rows as stored', async () => {
    const fake = backend()
    setApi(fake.api)
    render(<ImportScreen />)
    await chooseRegistryFile()

    expect(fake.argsOf('import/preview')).toEqual([
      { kind: 'registry', path: PATH, encoding: 'auto' }
    ])
    expect(screen.getByTestId('picked-file').textContent).toBe('registry.tcvn3.csv')
    expect(screen.getByTestId('encoding-detected').textContent).toBe(
      'Nhận dạng: TCVN3 (ABC, phông .VnTime), độ tin cậy 97%'
    )
    expect(screen.getByRole('combobox', { name: 'Bảng mã' })).toHaveProperty('value', 'auto')
    expect(screen.queryByText(/Độ tin cậy của bảng mã thấp/)).toBeNull()
    expect(screen.getByTestId('delimiter').textContent).toBe(',')
    expect(screen.getByTestId('header-row').textContent).toBe('1')

    // One dropdown per column, set to what the backend detected.
    expect(HEADERS.map((h) => columnSelect(h).value)).toEqual(DETECTED.map((f) => f ?? ''))
    expect(columnSelect('Ghi chú').selectedOptions[0]?.textContent).toBe('(không nhập)')
    expect(columnSelect('Họ và tên').selectedOptions[0]?.textContent).toBe('Họ và tên')

    const counts = screen.getByTestId('preview-counts')
    expect(within(counts).getByTestId('preview-counts-read').textContent).toBe('100')
    expect(within(counts).getByTestId('preview-counts-accepted').textContent).toBe('99')
    expect(screen.getByText('ngày sinh không đọc được')).toBeTruthy()

    const rows = within(screen.getByTestId('preview-rows'))
    expect(rows.getByText('Đỗ Nan')).toBeTruthy()
    expect(rows.getByText('Phạm Mai Mai')).toBeTruthy()
    expect(rows.getByText('Cảnh báo: ngày sinh không đọc được')).toBeTruthy()
    const rejected = rows.getByText('Từ chối: thiếu họ tên').closest('tr')
    expect(rejected?.className).toBe('row-rejected')
    // Coded values in words, as the record grids show them.
    expect(rows.getAllByText('Nữ').length).toBeGreaterThan(0)
    expect(screen.getByRole('button', { name: 'Nhập 99 dòng' })).toHaveProperty('disabled', false)
  })

  it('warns when the encoding is a guess, and re-previews with the encoding chosen', async () => {
    const fake = backend((args: { encoding?: string }) =>
      args.encoding === 'vni'
        ? canned({ encoding: { detected: 'tcvn3', used: 'vni', confidence: 0.55, candidates: [] } })
        : canned({
            encoding: { detected: 'tcvn3', used: 'tcvn3', confidence: 0.55, candidates: [] }
          })
    )
    setApi(fake.api)
    render(<ImportScreen />)
    await chooseRegistryFile()
    expect(screen.getByText(/Độ tin cậy của bảng mã thấp/)).toBeTruthy()
    expect(screen.getByTestId('encoding-detected').textContent).toContain('55%')

    fireEvent.change(screen.getByRole('combobox', { name: 'Bảng mã' }), {
      target: { value: 'vni' }
    })
    await waitFor(() => expect(fake.argsOf('import/preview')).toHaveLength(2))
    expect(fake.argsOf('import/preview')[1]).toEqual({
      kind: 'registry',
      path: PATH,
      encoding: 'vni'
    })
  })

  it('re-previews with the mapping of the dropdowns when the clerk changes a column', async () => {
    const fake = backend()
    setApi(fake.api)
    render(<ImportScreen />)
    await chooseRegistryFile()

    fireEvent.change(columnSelect('Ghi chú'), { target: { value: 'hometown' } })
    await waitFor(() => expect(fake.argsOf('import/preview')).toHaveLength(2))
    expect(fake.argsOf('import/preview')[1]).toEqual({
      kind: 'registry',
      path: PATH,
      encoding: 'auto',
      mapping: {
        fields: {
          row_no: 'STT',
          record_key: 'Mã hồ sơ',
          full_name: 'Họ và tên',
          dob: 'Ngày sinh',
          sex: 'Giới tính',
          hometown: 'Ghi chú'
        }
      }
    })

    // A field lives in one column: giving it to another column takes it from the first.
    fireEvent.change(columnSelect('STT'), { target: { value: 'record_key' } })
    await waitFor(() => expect(fake.argsOf('import/preview')).toHaveLength(3))
    expect(fake.argsOf('import/preview')[2]).toMatchObject({
      mapping: { fields: { record_key: 'STT', full_name: 'Họ và tên' } }
    })
    const fields = (fake.argsOf('import/preview')[2] as { mapping: { fields: object } }).mapping
      .fields
    expect(fields).not.toHaveProperty('row_no')
  })

  it('says so when a column set to "not imported" is still recognised by its header', async () => {
    const fake = backend()
    setApi(fake.api)
    render(<ImportScreen />)
    await chooseRegistryFile()
    fireEvent.change(columnSelect('STT'), { target: { value: '' } })
    expect((await screen.findByTestId('mapping-notice')).textContent).toContain(
      'Cột "STT" vẫn được nhập vào trường "Số thứ tự (STT)"'
    )
    expect(fake.argsOf('import/preview')[1]).toMatchObject({
      mapping: { fields: { record_key: 'Mã hồ sơ', full_name: 'Họ và tên' } }
    })
  })

  it('saves the mapping as a named profile and previews with a chosen profile', async () => {
    const fake = backend()
    const saved: unknown[] = []
    const handlers = fake.api.call.bind(fake.api)
    fake.api.call = ((name: ApiName, args: never) => {
      if (name !== 'profiles/save') return handlers(name, args)
      const {
        name: profile,
        kind,
        mapping
      } = args as {
        name: string
        kind: 'registry'
        mapping: object
      }
      saved.push(args)
      return Promise.resolve({ name: profile, kind, mapping, updatedAt: '2026-11-27T03:00:00Z' })
    }) as WindowApi['call']
    setApi(fake.api)
    render(<ImportScreen />)
    await chooseRegistryFile()

    fireEvent.change(screen.getByRole('textbox', { name: 'Lưu cách ghép cột này thành hồ sơ' }), {
      target: { value: '  Sổ hộ tịch xã  ' }
    })
    fireEvent.click(screen.getByRole('button', { name: 'Lưu hồ sơ' }))
    expect(
      await screen.findByText(
        'Đã lưu hồ sơ "Sổ hộ tịch xã". Lần sau có thể chọn hồ sơ này ở bước 1.'
      )
    ).toBeTruthy()
    expect(saved).toEqual([{ name: 'Sổ hộ tịch xã', kind: 'registry', mapping: canned().mapping }])
    const choice = screen.getByRole('combobox', { name: 'Hồ sơ ghép cột đã lưu' })
    expect((choice as HTMLSelectElement).value).toBe('Sổ hộ tịch xã')

    fireEvent.change(choice, { target: { value: '' } })
    await waitFor(() => expect(fake.argsOf('import/preview')).toHaveLength(2))
    expect(fake.argsOf('import/preview')[1]).not.toHaveProperty('profile')
    fireEvent.change(choice, { target: { value: 'Sổ hộ tịch xã' } })
    await waitFor(() => expect(fake.argsOf('import/preview')).toHaveLength(3))
    expect(fake.argsOf('import/preview')[2]).toEqual({
      kind: 'registry',
      path: PATH,
      encoding: 'auto',
      profile: 'Sổ hộ tịch xã'
    })
  })

  it('blocks the import while the name column is not mapped', async () => {
    const fake = backend(() =>
      canned({
        columnFields: ['row_no', 'record_key', null, 'dob', 'sex', null],
        missing: ['full_name']
      })
    )
    setApi(fake.api)
    render(<ImportScreen />)
    await chooseRegistryFile()

    expect(screen.getByTestId('missing-fields').textContent).toBe(
      'Chưa ghép cột cho trường bắt buộc: Họ và tên. Hãy chọn cột tương ứng trong bảng ghép cột.'
    )
    expect(screen.getByTestId('import-blocked').textContent).toContain('Họ và tên')
    const button = screen.getByRole('button', { name: /^Nhập \d+ dòng$/ })
    expect(button).toHaveProperty('disabled', true)
    fireEvent.click(button)
    await Promise.resolve()
    expect(fake.argsOf('import/file')).toEqual([])
  })

  it('asks before importing a file already imported, and imports it again only when told', async () => {
    const fake = backend(() =>
      canned({ duplicateOf: { batchId: 4, createdAt: '2026-11-20T09:30:00' } })
    )
    setApi(fake.api)
    render(<ImportScreen />)
    await chooseRegistryFile()

    const prompt = screen.getByTestId('duplicate-prompt')
    expect(within(prompt).getByText(/^Tệp này đã được nhập/).textContent).toBe(
      'Tệp này đã được nhập (lô số 4, ngày 20/11/2026 09:30). Vẫn nhập lại?'
    )
    expect(screen.queryByRole('button', { name: /^Nhập \d+ dòng$/ })).toBeNull()
    fireEvent.click(within(prompt).getByRole('button', { name: 'Vẫn nhập lại' }))
    await waitFor(() => expect(fake.argsOf('import/file')).toHaveLength(1))
    expect(fake.argsOf('import/file')[0]).toMatchObject({ allowDuplicate: true })
  })

  it('shows the backend error for an .xls file in the clerk language', async () => {
    const fake = fakeApi({
      'profiles/list': () => [],
      'dialog/openFile': () => ({ path: '/home/canbo/so-cu.xls' }),
      'import/preview': () => {
        throw new ApiError({ code: 'xls_unsupported', message: 'x', params: {} })
      }
    })
    setApi(fake.api)
    render(<ImportScreen />)
    fireEvent.change(screen.getByLabelText('Loại dữ liệu'), { target: { value: 'registry' } })
    fireEvent.click(screen.getByRole('button', { name: 'Chọn tệp…' }))
    expect((await screen.findByTestId('import-error')).textContent).toMatch(
      /^Tệp Excel 97–2003 \(\.xls\) không được hỗ trợ.*định dạng \.xlsx, rồi nhập lại\.$/
    )
    expect(screen.queryByTestId('import-preview')).toBeNull()
  })
})

describe('the import', () => {
  it('commits what the preview showed, shows progress in percent, then the summary and the rejected rows', async () => {
    const fake = backend()
    setApi(fake.api)
    const created: Blob[] = []
    URL.createObjectURL = vi.fn((b: Blob) => {
      created.push(b)
      return 'blob:x'
    })
    URL.revokeObjectURL = vi.fn()
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined)
    render(<ImportScreen />)
    await chooseRegistryFile()

    fireEvent.click(screen.getByRole('button', { name: 'Nhập 99 dòng' }))
    await waitFor(() => expect(fake.argsOf('import/file')).toHaveLength(1))
    expect(fake.argsOf('import/file')[0]).toEqual({
      kind: 'registry',
      path: PATH,
      encoding: 'tcvn3',
      allowDuplicate: false,
      mapping: canned().mapping
    })
    await screen.findByText('Đang bắt đầu…')
    act(() =>
      fake.emit('job/progress', {
        jobId: 'imp1',
        kind: 'import',
        phase: 'read',
        done: 4_000,
        total: 16_000
      })
    )
    expect(screen.getByText('Đang đọc tệp: 25%')).toBeTruthy()
    expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('25')

    act(() =>
      fake.emit('job/done', { jobId: 'imp1', kind: 'import', state: 'done', result: SUMMARY })
    )
    const summary = await screen.findByTestId('import-summary')
    expect(within(summary).getByTestId('summary-counts-read').textContent).toBe('100')
    expect(within(summary).getByTestId('summary-counts-rejected').textContent).toBe('1')
    expect(
      within(summary).getByText(
        'Đã nhập xong tệp registry.tcvn3.csv (Sổ hộ tịch (tổng hợp)), lô số 7.'
      )
    ).toBeTruthy()
    await waitFor(() =>
      expect(fake.argsOf('import/rejected')[0]).toMatchObject({ batchId: 7, startRow: 0 })
    )

    fireEvent.click(within(summary).getByRole('button', { name: 'Xuất CSV' }))
    await waitFor(() => expect(click).toHaveBeenCalled())
    expect(fake.argsOf('import/exportRejected')).toEqual([{ batchId: 7, format: 'csv' }])
    expect(created[0]?.type).toBe('text/csv')
  })

  it('says nothing was written when the clerk cancels', async () => {
    const fake = backend()
    setApi(fake.api)
    render(<ImportScreen />)
    await chooseRegistryFile()
    fireEvent.click(screen.getByRole('button', { name: 'Nhập 99 dòng' }))
    fireEvent.click(await screen.findByRole('button', { name: 'Hủy' }))
    await waitFor(() => expect(fake.argsOf('jobs/cancel')).toEqual([{ jobId: 'imp1' }]))
    act(() => fake.emit('job/done', { jobId: 'imp1', kind: 'import', state: 'cancelled' }))
    expect(await screen.findByText('Đã hủy. Không có dữ liệu nào được ghi.')).toBeTruthy()
    expect(screen.queryByTestId('import-summary')).toBeNull()
  })
})

describe('web mode', () => {
  it('uploads the chosen file and previews the server copy', async () => {
    const uploaded: string[] = []
    const fake = fakeApi(
      { 'profiles/list': () => [], 'import/preview': () => canned() },
      (file) => {
        uploaded.push(file.name)
        return '/srv/uploads/u1/registry.tcvn3.csv'
      }
    )
    setApi(fake.api)
    render(<ImportScreen />)
    fireEvent.change(screen.getByLabelText('Loại dữ liệu'), { target: { value: 'registry' } })
    const input = screen.getByTestId<HTMLInputElement>('file-input')
    expect(input.accept).toBe('.csv,.tsv,.txt,.xlsx,.xls')
    fireEvent.change(input, {
      target: { files: [new File(['STT'], 'registry.tcvn3.csv', { type: 'text/csv' })] }
    })
    await screen.findByTestId('import-preview')
    expect(uploaded).toEqual(['registry.tcvn3.csv'])
    expect(fake.argsOf('import/preview')[0]).toMatchObject({
      path: '/srv/uploads/u1/registry.tcvn3.csv'
    })
    expect(fake.argsOf('dialog/openFile')).toEqual([])
  })
})

describe('messages for a clerk', () => {
  /** Words a clerk must never read on this screen. */
  const RAW =
    /binary|unbalanced_quotes|csv_|file_|ENOENT|TypeError|Error:|\/srv\/|\/tmp\/|upload:|\d{4}-\d\d-\d\dT/

  it('a failed import names the file as chosen and what to do, never the code or the server folder', async () => {
    const fake = fakeApi(
      {
        'profiles/list': () => [],
        'import/preview': () => canned(),
        'import/file': () => ({ jobId: 'imp1' }),
        'jobs/list': () => []
      },
      () => '/srv/doisoat.db.uploads/Xk2/so-ho-tich.csv'
    )
    setApi(fake.api)
    render(<ImportScreen />)
    fireEvent.change(screen.getByLabelText('Loại dữ liệu'), { target: { value: 'registry' } })
    fireEvent.change(screen.getByTestId('file-input'), {
      target: { files: [new File(['STT'], 'sổ hộ tịch.csv', { type: 'text/csv' })] }
    })
    await screen.findByTestId('import-preview')
    fireEvent.click(screen.getByRole('button', { name: 'Nhập 99 dòng' }))
    await waitFor(() => expect(fake.argsOf('import/file')).toHaveLength(1))
    act(() =>
      fake.emit('job/done', {
        jobId: 'imp1',
        kind: 'import',
        state: 'failed',
        error: {
          code: 'xlsx_invalid',
          message: 'xlsx_invalid',
          params: { file: '/srv/doisoat.db.uploads/Xk2/so-ho-tich.csv' }
        }
      })
    )
    const error = await screen.findByTestId('import-error')
    expect(error.textContent).toContain('Tệp "sổ hộ tịch.csv" không phải tệp Excel .xlsx hợp lệ')
    expect(error.textContent).toContain('rồi nhập lại')
    expect(error.textContent).not.toMatch(RAW)
  })

  it("a file the server could not read: the clerk's file name and what to do, not the system's words", async () => {
    const fake = fakeApi({
      'profiles/list': () => [],
      'dialog/openFile': () => ({ path: '/home/canbo/Tài liệu/danh-sach.csv' }),
      'import/preview': () => {
        throw new ApiError({
          code: 'file_unreadable',
          message: 'x',
          params: {
            path: '/home/canbo/Tài liệu/danh-sach.csv',
            detail: "EACCES: permission denied, open '/home/canbo/Tài liệu/danh-sach.csv'"
          }
        })
      }
    })
    setApi(fake.api)
    render(<ImportScreen />)
    fireEvent.change(screen.getByLabelText('Loại dữ liệu'), { target: { value: 'registry' } })
    fireEvent.click(screen.getByRole('button', { name: 'Chọn tệp…' }))
    const error = await screen.findByTestId('import-error')
    expect(error.textContent).toBe(
      'Không đọc được tệp "danh-sach.csv". Hãy kiểm tra tệp mở được bằng Excel hoặc Notepad, rồi chọn lại tệp.'
    )
  })

  it('a file imported before: the date as dd/mm/yyyy HH:mm, not an ISO timestamp', async () => {
    const fake = fakeApi({
      'profiles/list': () => [],
      'dialog/openFile': () => ({ path: PATH }),
      'import/preview': () => {
        throw new ApiError({
          code: 'duplicate_file',
          message: 'x',
          params: { batchId: 3, date: '2026-12-07T09:33:00.000Z' }
        })
      }
    })
    setApi(fake.api)
    render(<ImportScreen />)
    fireEvent.change(screen.getByLabelText('Loại dữ liệu'), { target: { value: 'registry' } })
    fireEvent.click(screen.getByRole('button', { name: 'Chọn tệp…' }))
    const error = await screen.findByTestId('import-error')
    expect(error.textContent).toMatch(/ngày 07\/12\/2026 \d\d:33 \(lô số 3\)/)
    expect(error.textContent).not.toMatch(RAW)
  })

  it('a rejection reason or warning the catalog does not know is said in words, not as its code', async () => {
    const fake = backend(() =>
      canned({
        rows: [
          {
            rowNumber: 9,
            values: ['9', 'HT-9', 'Lê Văn Chín', '1990', 'Nam', ''],
            record: null,
            rejected: ['some_new_reason'],
            warnings: []
          }
        ],
        rejectedReasons: { some_new_reason: 1 },
        warnings: { some_new_warning: 2 }
      })
    )
    setApi(fake.api)
    render(<ImportScreen />)
    await chooseRegistryFile()
    const preview = screen.getByTestId('import-preview')
    expect(preview.textContent).not.toMatch(/some_new_reason|some_new_warning/)
    expect(preview.textContent).toContain('dòng không đọc được: hãy mở tệp, kiểm tra dòng này')
  })
})

describe('a population file against the records held', () => {
  it('previews new, changed, unchanged and older records with the changes, then says what went back to review', async () => {
    const fake = backend(() =>
      canned({
        population: {
          new: 12,
          changed: 1,
          unchanged: 980,
          older: 2,
          samples: [
            {
              rowNumber: 5,
              recordKey: 'DC0000902',
              fromVersion: 3,
              toVersion: 7,
              fields: [
                { field: 'dob', before: '1990-03-05', after: '1990-05-03' },
                { field: 'sex', before: 'M', after: 'F' }
              ]
            }
          ]
        }
      })
    )
    setApi(fake.api)
    render(<ImportScreen />)
    await chooseRegistryFile()
    const diff = await screen.findByTestId('population-diff')
    const count = (k: string) => diff.querySelector(`[data-count="${k}"]`)?.textContent
    expect([count('new'), count('changed'), count('unchanged'), count('older')]).toEqual([
      '12',
      '1',
      '980',
      '2'
    ])
    const samples = within(diff).getByTestId('population-diff-samples')
    expect(samples.textContent).toContain('DC0000902 (dòng 5, phiên bản 3 → 7)')
    // Values as a clerk reads them, the held one beside the file's.
    expect(samples.textContent).toContain('05/03/1990')
    expect(samples.textContent).toContain('03/05/1990')
    expect(samples.textContent).toContain('Nam')
    expect(samples.textContent).toContain('Nữ')

    fireEvent.click(screen.getByRole('button', { name: 'Nhập 99 dòng' }))
    await waitFor(() => expect(fake.argsOf('import/file')).toHaveLength(1))
    act(() =>
      fake.emit('job/done', {
        jobId: 'imp1',
        kind: 'import',
        state: 'done',
        result: {
          ...SUMMARY,
          kind: 'population',
          population: { new: 12, changed: 1, unchanged: 980, older: 2, flagged: 1, takenBack: 0 }
        }
      })
    )
    const summary = await screen.findByTestId('import-summary')
    expect(within(summary).getByTestId('population-flagged').textContent).toContain(
      '1 cặp đã quay lại hàng đợi Đối soát với dấu hiệu «Hồ sơ dân cư đã thay đổi»'
    )
  })
})
