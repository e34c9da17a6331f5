// The teach view in Chromium at 1366×768: ten answers by keyboard, a re-fit shown as a new model version, and a rollback.
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openApp, screenshotPath, startSeededApp, type SeededApp } from './harness'

let app: SeededApp
beforeAll(async () => {
  app = await startSeededApp({ population: 3000, registry: 600, seed: 13 }, { match: true })
}, 300_000)
afterAll(() => app?.stop())

const shot = (name: string): string => {
  const path = screenshotPath(`teach/${name}`)
  mkdirSync(dirname(path), { recursive: true })
  return path
}

describe('teach the model', () => {
  it('answers ten questions by keyboard, learns a new version, and rolls back to the fitted one', async () => {
    const { page, errors } = await openApp(app.browser, app.server, {
      viewport: { width: 1366, height: 768 }
    })
    await page.getByRole('button', { name: 'Dạy mô hình', exact: true }).click()
    await page.getByRole('heading', { name: 'Dạy mô hình' }).waitFor()
    const question = page.locator('.teach-pair')
    await question.waitFor()
    const first = await app.clerkApi('learn/teach', { limit: 20 })
    expect(first.rows.length).toBe(20)
    expect(await question.getAttribute('data-source-id')).toBe(
      String(first.rows[0]!.sourceRecordId)
    )
    // The keys shown are the ones that answer.
    const answers = page.locator('.teach-answers kbd')
    expect(await answers.allInnerTexts()).toEqual(['A', 'R', 'N', 'J'])
    await page.screenshot({ path: shot('01-question.png') })

    // Ten answers by keyboard with the review screen's letters: A (the same person) for those
    // graded a link, R (not this person) for the others; each answer moves to the next question.
    const answered: number[] = []
    for (let i = 0; i < 10; i++) {
      const id = Number(await question.getAttribute('data-source-id'))
      expect(id).toBe(first.rows[i]!.sourceRecordId)
      await page.keyboard.press(first.rows[i]!.probability >= 0.5 ? 'a' : 'r')
      answered.push(id)
      if (i < 9)
        await page
          .locator(`.teach-pair[data-source-id="${first.rows[i + 1]!.sourceRecordId}"]`)
          .waitFor()
          .catch(async (e: unknown) => {
            await page.screenshot({ path: shot('failed.png') })
            throw new Error(
              `answer ${i + 1}: ${await page
                .locator('.alert')
                .allInnerTexts()
                .then((x) => x.join(' | '))}`,
              { cause: e }
            )
          })
    }
    await expect.poll(async () => (await app.clerkApi('learn/status', {})).labels.total).toBe(10)
    await page.screenshot({ path: shot('02-answered.png') })

    // Learn again: a new version, shown as the one in use.
    await page.getByRole('button', { name: 'Học lại từ các quyết định' }).click()
    await expect
      .poll(() => page.getByTestId('active-version').innerText(), { timeout: 120_000 })
      .toMatch(/học từ quyết định/)
    const status = await app.clerkApi('learn/status', {})
    expect(status.versions.map((v) => v.origin)).toEqual(['learnt', 'fitted'])
    const learnt = status.versions[0]!
    await expect
      .poll(() => page.getByTestId('active-version').innerText())
      .toBe(`Số ${learnt.id} (học từ quyết định)`)
    await page.getByText(/Đã chấm lại các cặp chưa xét bằng phiên bản số/).waitFor()
    await page.screenshot({ path: shot('03-learnt.png') })

    // Roll back to the fitted version.
    const fitted = status.versions[1]!
    await page.getByRole('button', { name: `Dùng lại số ${fitted.id}` }).click()
    await expect
      .poll(() => page.getByTestId('active-version').innerText(), { timeout: 120_000 })
      .toBe(`Số ${fitted.id} (ước lượng từ dữ liệu)`)
    const after = await app.clerkApi('learn/status', {})
    expect(after.activeVersionId).toBe(fitted.id)
    // The ten answers are still there, exactly.
    expect(after.labels.total).toBe(10)
    await page.screenshot({ path: shot('04-rolled-back.png') })
    expect(errors).toEqual([])
  }, 300_000)
})
