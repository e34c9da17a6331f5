// Sign-in and four eyes in Chromium: a clerk proposes, the supervisor approves on Duyệt, the
// correction shows as approved and signed, and the CLI verifies the signature.
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

describe('sign-in and Duyệt', () => {
  it('clerk proposes, supervisor approves, the correction is approved and signed', async () => {
    const { page, errors } = await openApp(app.browser, app.server)
    expect(await page.getByTestId('signed-in-user').innerText()).toBe('Cán bộ Tư pháp · Cán bộ')

    // The pair view that proposes corrections belongs to another screen; the clerk's proposal goes
    // through the same API, from this signed-in tab.
    type Rows = { ok: true; value: { rows: { id: number; full_name: string }[] } }
    const src = await pageCall<Rows>(page, 'records/list', {
      table: 'source',
      startRow: 0,
      endRow: 1
    })
    const pop = await pageCall<Rows>(page, 'records/list', {
      table: 'population',
      startRow: 0,
      endRow: 1
    })
    const proposed = await pageCall<{ ok: boolean; value: { uuid: string; state: string } }>(
      page,
      'corrections/propose',
      {
        sourceRecordId: src.value.rows[0]!.id,
        populationRecordId: pop.value.rows[0]!.id,
        side: 'population',
        fields: [{ field: 'dob', value: '01/02/1950' }],
        reason: 'dob_wrong',
        evidence: 'Giấy khai sinh 12/1950'
      }
    )
    expect(proposed).toMatchObject({ ok: true, value: { state: 'proposed' } })

    // The clerk sees it on Duyệt but has no approve button.
    await page.getByRole('navigation').getByRole('button', { name: 'Duyệt' }).click()
    const card = page.getByTestId('approval-card')
    await card.waitFor()
    expect(await card.getByRole('button', { name: 'Duyệt' }).count()).toBe(0)
    // And the backend refuses it anyway.
    const refused = await pageCall<{ ok: boolean; error: { code: string } }>(
      page,
      'approvals/decide',
      {
        uuid: proposed.value.uuid,
        decision: 'approve'
      }
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
    await card.waitFor()
    expect(
      (await card.getByText('01/02/1950').count()) + (await card.getByText('1950-02-01').count())
    ).toBeGreaterThan(0)
    expect(await card.getByText('Giấy khai sinh 12/1950', { exact: false }).count()).toBe(1)
    await page.screenshot({ path: screenshotPath('e2e-approve-before.png') })
    await card.getByRole('button', { name: 'Duyệt' }).click()
    await page.getByTestId('approval-total').filter({ hasText: 'Số đề nghị: 0' }).waitFor()

    await page.getByLabel('Trạng thái').selectOption('queued')
    const signed = page.getByTestId('approval-signed')
    await signed.waitFor()
    expect(await signed.innerText()).toMatch(
      /^Đã duyệt và ký bởi giamsat \(khóa [0-9a-f]{16}…\)\.$/
    )
    expect(await card.getByText('Chờ gửi').count()).toBe(1)
    await page.screenshot({ path: screenshotPath('e2e-approve-signed.png') })
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
      proposed.value.uuid
    ])
    expect(verified.stdout).toMatch(/^HỢP LỆ: .*giamsat/)
  })
})
