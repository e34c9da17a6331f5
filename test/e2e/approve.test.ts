// Sign-in and four eyes in Chromium at 1366×768: a clerk proposes two corrections; on Duyệt the
// supervisor approves one and rejects the other, each through a confirmation that states what is
// signed (values as a clerk reads them, people by name), a success message, then the next one;
// the correction shows as approved and signed, and the CLI verifies the signature.
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  openApp,
  pageCall,
  runCli,
  screenshotPath,
  signIn,
  startSeededApp,
  type SeededApp
} from './harness'

let app: SeededApp
beforeAll(async () => {
  app = await startSeededApp({ population: 300, registry: 60, seed: 2 })
})
afterAll(() => app?.stop())

const screens = (name: string): string => screenshotPath(join('screens', name))

describe('sign-in and Duyệt', () => {
  it('clerk proposes; supervisor approves one and rejects one through the confirmations', async () => {
    const { page, errors } = await openApp(app.browser, app.server, {
      viewport: { width: 1366, height: 768 }
    })
    expect(await page.getByTestId('signed-in-user').innerText()).toBe('Cán bộ Tư pháp · Cán bộ')

    // The pair view that proposes corrections belongs to another screen; the clerk's proposals go
    // through the same API, from this signed-in tab.
    type Rows = { ok: true; value: { rows: { id: number; full_name: string }[] } }
    const src = await pageCall<Rows>(page, 'records/list', {
      table: 'source',
      startRow: 0,
      endRow: 2
    })
    const pop = await pageCall<Rows>(page, 'records/list', {
      table: 'population',
      startRow: 0,
      endRow: 2
    })
    const uuids: string[] = []
    for (const i of [0, 1]) {
      const proposed = await pageCall<{ ok: boolean; value: { uuid: string; state: string } }>(
        page,
        'corrections/propose',
        {
          sourceRecordId: src.value.rows[i]!.id,
          populationRecordId: pop.value.rows[i]!.id,
          side: 'population',
          fields: [{ field: 'dob', value: `01/02/195${i}` }],
          reason: 'dob_wrong',
          reasonText: `Sổ gốc ghi ngày 01/02/195${i}`,
          evidence: `Giấy khai sinh 12/195${i}`
        }
      )
      expect(proposed).toMatchObject({ ok: true, value: { state: 'proposed' } })
      uuids.push(proposed.value.uuid)
    }

    // The clerk sees them on Duyệt but has no approve button.
    await page.getByRole('navigation').getByRole('button', { name: 'Duyệt' }).click()
    const cards = page.getByTestId('approval-card')
    await cards.first().waitFor()
    expect(await page.getByRole('button', { name: 'Duyệt…' }).count()).toBe(0)
    // And the backend refuses it anyway.
    const refused = await pageCall<{ ok: boolean; error: { code: string } }>(
      page,
      'approvals/decide',
      { uuid: uuids[0], decision: 'approve' }
    )
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } })

    await page.getByRole('button', { name: 'Đăng xuất' }).click()
    await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor()
    await signIn(page, 'supervisor')
    expect(await page.getByTestId('signed-in-user').innerText()).toBe('Giám sát Huyện · Giám sát')
    const nav = page.getByRole('navigation', { name: 'Điều hướng chính' })
    expect(await nav.getByRole('button').allInnerTexts()).toEqual([
      'Tổng quan',
      'Đối soát',
      'Duyệt',
      'Đồng bộ',
      'Báo cáo',
      'Sao lưu',
      'Cài đặt'
    ])
    await nav.getByRole('button', { name: 'Duyệt' }).click()
    await cards.nth(1).waitFor()
    const first = cards.first()
    const firstText = await first.innerText()
    // Values as a clerk reads them; the proposer by name; the explanation and the evidence.
    expect(firstText).toMatch(/01\/02\/195[01]/)
    expect(firstText).not.toMatch(/\d{4}-\d\d-\d\d/)
    expect(firstText).toContain('Đề xuất bởi Cán bộ Tư pháp lúc')
    expect(firstText).toMatch(/Giải thích của người đề xuất: Sổ gốc ghi ngày 01\/02\/195[01]/)
    expect(firstText).toMatch(/Căn cứ: Giấy khai sinh 12\/195[01]/)
    await page.screenshot({ path: screens('approve-1-list.png') })

    // Approve: the confirmation states exactly what is signed and where it goes.
    await first.getByRole('button', { name: 'Duyệt…' }).click()
    const dialog = page.getByRole('alertdialog', { name: 'Duyệt và ký đề nghị sửa' })
    await dialog.waitFor()
    const said = await dialog.innerText()
    expect(said).toMatch(/Bạn sắp duyệt và ký số đề nghị sửa bản ghi \S+ \(.+\):/)
    expect(said).toMatch(/Ngày sinh: \d\d\/\d\d\/\d{4} → 01\/02\/195[01]/)
    expect(said).toContain('Chữ ký số của bạn (khóa ')
    expect(said).toContain('sẽ được gửi tới Cơ sở dữ liệu quốc gia')
    await page.screenshot({ path: screens('approve-2-confirm.png') })
    await dialog.getByRole('button', { name: 'Duyệt và ký' }).click()
    await page
      .getByRole('status')
      .filter({ hasText: /^Đã duyệt và ký đề nghị sửa bản ghi .+ Chữ ký sẽ được gửi/ })
      .waitFor()
    await page.getByTestId('approval-total').filter({ hasText: 'Số đề nghị: 1' }).waitFor()
    // The next proposal has the focus.
    await expect.poll(() => page.locator('[data-testid="approval-card"]:focus').count()).toBe(1)
    await page.screenshot({ path: screens('approve-3-approved-next.png') })

    // Reject the other: only with a reason, through its own confirmation.
    await cards.first().getByRole('button', { name: 'Từ chối…' }).click()
    const reject = page.getByRole('alertdialog', { name: 'Từ chối đề nghị sửa' })
    await reject.waitFor()
    expect(await reject.getByRole('button', { name: 'Từ chối đề nghị' }).isDisabled()).toBe(true)
    await reject.getByLabel('Lý do từ chối (bắt buộc)').fill('Giấy khai sinh không khớp sổ gốc')
    await page.screenshot({ path: screens('approve-4-reject-confirm.png') })
    await reject.getByRole('button', { name: 'Từ chối đề nghị' }).click()
    await page
      .getByRole('status')
      .filter({ hasText: /^Đã từ chối đề nghị sửa bản ghi .+ người đề xuất sẽ thấy lý do\.$/ })
      .waitFor()
    await page.getByTestId('approval-total').filter({ hasText: 'Số đề nghị: 0' }).waitFor()
    // Nothing left to approve: bulk approval is off.
    expect(await page.getByRole('button', { name: 'Duyệt tất cả theo bộ lọc…' }).isDisabled()).toBe(
      true
    )

    await page.getByLabel('Trạng thái').selectOption('queued')
    const signed = page.getByTestId('approval-signed')
    await signed.waitFor()
    expect(await signed.innerText()).toMatch(
      /^Đã duyệt và ký bởi Giám sát Huyện lúc \d\d\/\d\d\/\d{4} \d\d:\d\d \(khóa [0-9a-f]{16}…\)\.$/
    )
    expect(await cards.getByText('Chờ gửi').count()).toBe(1)
    await page.getByLabel('Trạng thái').selectOption('rejected')
    await signed
      .filter({
        hasText: /^Đã từ chối bởi Giám sát Huyện lúc .+: Giấy khai sinh không khớp sổ gốc$/
      })
      .waitFor()
    await page.screenshot({ path: screens('approve-5-rejected.png') })
    const queued = await pageCall<{ value: { rows: { uuid: string }[] } }>(page, 'approvals/list', {
      startRow: 0,
      endRow: 10,
      state: 'queued'
    })
    // The only console line is the browser noting the clerk's refused call above.
    expect(errors).toEqual([
      'console: Failed to load resource: the server responded with a status of 403 (Forbidden)'
    ])
    await page.close()

    const verified = await runCli([
      'verify-correction',
      '--db',
      app.db,
      '--uuid',
      queued.value.rows[0]!.uuid
    ])
    expect(verified.stdout).toMatch(/^HỢP LỆ: .*giamsat/)
  })
})
