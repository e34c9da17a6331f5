// @vitest-environment jsdom
// The review screen against a scripted backend: keyboard flow, pair view, quick search, correction.
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { ApiInput, PairView, SearchHit, UserInfo } from '../../../shared/api'
import { UserContext } from '../auth/user-context'
import { setApi } from '../../lib/api'
import { CorrectionForm } from './correction-form'
import { MatchScreen } from './match-screen'
import { PairPanel } from './pair-panel'
import { QuickSearch } from './quick-search'
import { fakeApi, setUpScreenTests } from '../../test-support'
import { diacriticPair, queueRow } from './test-fixtures'

setUpScreenTests()

const ROWS = [queueRow(11, 'Nguyen Van Dung'), queueRow(12, 'Tran Thi Hoa')]

function screenBackend(
  pair: (id: number) => PairView = (id) =>
    diacriticPair({ source: { ...diacriticPair().source, id } })
) {
  let state: PairView['state'] = 'open'
  return fakeApi({
    'batches/list': () => [],
    'views/list': () => [],
    'corrections/list': () => ({ rows: [], total: 0 }),
    'review/queue': (args: ApiInput<'review/queue'>) => ({
      rows: ROWS.slice(args.startRow, args.endRow),
      total: ROWS.length,
      runId: 1
    }),
    'review/pair': (args: ApiInput<'review/pair'>) => ({ ...pair(args.sourceRecordId), state }),
    'learn/similar': () => ({ count: 0, applied: false }),
    'review/decide': (args: ApiInput<'review/decide'>) => {
      state = args.action === 'accept' ? 'accepted' : state
      return { sourceRecordId: args.sourceRecordId, state, decisionId: 1, link: null }
    }
  })
}

describe('the pair view', () => {
  it('marks diacritic-only letters apart from real differences, with words', () => {
    const pair = diacriticPair({
      population: { ...diacriticPair().population!, dob: '1990-08-05' },
      fields: diacriticPair().fields.map((f) =>
        f.field === 'dob' ? { ...f, population: '1990-08-05', same: false } : f
      )
    })
    render(
      <PairPanel
        pair={pair}
        loading={false}
        position={null}
        busy={false}
        onCommand={() => undefined}
        onLinkCandidate={() => undefined}
      />
    )
    const name = screen.getByTestId('pair-fields').querySelector('tr[data-field="full_name"]')!
    const national = name.querySelector('td[data-side="national"]')!
    expect(
      [...national.querySelectorAll('mark[data-diff="diacritic"]')].map((m) => m.textContent)
    ).toEqual(['ễ', 'ă', 'ũ'])
    expect(national.querySelectorAll('mark[data-diff="changed"]')).toHaveLength(0)
    expect(within(name as HTMLElement).getByText('Chỉ khác dấu')).toBeTruthy()

    const dob = screen.getByTestId('pair-fields').querySelector('tr[data-field="dob"]')!
    expect(dob.querySelector('td[data-side="local"] mark[data-diff="changed"]')!.textContent).toBe(
      '3'
    )
    expect(
      dob.querySelector('td[data-side="national"] mark[data-diff="changed"]')!.textContent
    ).toBe('8')
    expect(within(dob as HTMLElement).getByText('Khác')).toBeTruthy()

    // A field only one side has: said so, the value marked.
    const father = screen.getByTestId('pair-fields').querySelector('tr[data-field="father_name"]')!
    expect(within(father as HTMLElement).getByText('Thiếu một bên')).toBeTruthy()

    expect(screen.getByText('Họ tên gõ không dấu')).toBeTruthy()
  })

  it('draws the waterfall: prior, one bar per field (up or down), the total', () => {
    render(
      <PairPanel
        pair={diacriticPair()}
        loading={false}
        position={null}
        busy={false}
        onCommand={() => undefined}
        onLinkCandidate={() => undefined}
      />
    )
    const chart = screen.getByTestId('waterfall')
    expect(chart.querySelectorAll('g.wf-bar')).toHaveLength(7)
    expect(chart.querySelectorAll('g.wf-up')).toHaveLength(4)
    expect(chart.querySelectorAll('g.wf-down')).toHaveLength(1)
    expect(chart.querySelector('g[data-field="name"] text')!.textContent).toBe('Họ tên (khác dấu)')
    // -11.5 + 6.5 + 9.1 + 1 + 12 - 2.1 = 15.0
    expect(chart.querySelector('g.wf-total .wf-value')!.textContent).toBe('+15.0')
    expect(chart.querySelector('figcaption')!.textContent).toContain('+15.0 bit')
  })

  it('lists the other candidates (not the one shown) with a link button', () => {
    const linked: number[] = []
    render(
      <PairPanel
        pair={diacriticPair()}
        loading={false}
        position={null}
        busy={false}
        onCommand={() => undefined}
        onLinkCandidate={(id) => linked.push(id)}
      />
    )
    const table = screen.getByTestId('pair-candidates')
    expect(table.querySelectorAll('tbody tr')).toHaveLength(1)
    fireEvent.click(within(table).getByRole('button', { name: 'Liên kết với bản ghi này' }))
    expect(linked).toEqual([502])
  })
})

describe('the review screen with the keyboard', () => {
  it('J opens the first pair, A accepts it, J moves on; keys typed in a field do nothing', async () => {
    const fake = screenBackend()
    setApi(fake.api)
    render(<MatchScreen />)
    await waitFor(() => expect(fake.argsOf('views/list')).toHaveLength(1))

    fireEvent.keyDown(document.body, { key: 'j' })
    await screen.findByTestId('pair-view')
    expect(screen.getByTestId('pair-view').dataset.sourceId).toBe('11')
    expect(fake.argsOf('review/queue')).toContainEqual({
      filter: { flagMode: 'any', state: ['open'] },
      startRow: 0,
      endRow: 2
    })

    // Typing in the commune box is typing, not a decision.
    fireEvent.keyDown(screen.getByLabelText('Mã xã'), { key: 'a' })
    expect(fake.argsOf('review/decide')).toEqual([])

    fireEvent.keyDown(document.body, { key: 'a' })
    await waitFor(() =>
      expect(screen.getByTestId('pair-state').textContent).toBe('Trạng thái: Đã chấp nhận liên kết')
    )
    expect(fake.argsOf('review/decide')).toEqual([{ sourceRecordId: 11, action: 'accept' }])
    expect(screen.getByTestId('match-status').textContent).toBe('Đã ghi: Đã chấp nhận liên kết.')

    fireEvent.keyDown(document.body, { key: 'j' })
    await waitFor(() => expect(screen.getByTestId('pair-view').dataset.sourceId).toBe('12'))
    fireEvent.keyDown(document.body, { key: 'k' })
    await waitFor(() => expect(screen.getByTestId('pair-view').dataset.sourceId).toBe('11'))
  })

  it('a supervisor sees the pair but no decision buttons, and A records nothing', async () => {
    const fake = screenBackend()
    setApi(fake.api)
    const supervisor: UserInfo = {
      username: 'giamsat',
      displayName: 'Giám sát',
      role: 'supervisor',
      active: true,
      locked: false,
      fingerprint: 'ab'.repeat(32),
      publicKey: '',
      createdAt: '2026-11-27T00:00:00.000Z'
    }
    render(
      <UserContext.Provider value={{ user: supervisor, signOut: () => undefined }}>
        <MatchScreen />
      </UserContext.Provider>
    )
    fireEvent.keyDown(document.body, { key: 'j' })
    const pairView = await screen.findByTestId('pair-view')
    const actions = within(pairView).getByRole('toolbar')
    expect(within(actions).queryByText(/Chấp nhận liên kết/)).toBeNull()
    expect(within(actions).getByText(/Đề xuất chỉnh sửa/)).toBeTruthy()
    expect(screen.queryByText(/Chấp nhận hàng loạt/)).toBeNull()
    fireEvent.keyDown(document.body, { key: 'a' })
    await waitFor(() =>
      expect(screen.getByTestId('match-status').textContent).toContain('Chỉ cán bộ đối soát')
    )
    expect(fake.argsOf('review/decide')).toEqual([])
  })

  it('? opens the shortcut list, and Escape closes it with focus back on the pair', async () => {
    const fake = screenBackend()
    setApi(fake.api)
    render(<MatchScreen />)
    fireEvent.keyDown(document.body, { key: '?' })
    const help = await screen.findByTestId('shortcut-help')
    expect(within(help).getByText('Chấp nhận liên kết')).toBeTruthy()
    expect(within(help).getByText('Đề xuất chỉnh sửa')).toBeTruthy()
    // While the help is open, decisions are not taken.
    fireEvent.keyDown(help, { key: 'a' })
    expect(fake.argsOf('review/decide')).toEqual([])
    fireEvent.keyDown(help, { key: 'Escape' })
    await waitFor(() => expect(screen.queryByTestId('shortcut-help')).toBeNull())
    await waitFor(() => expect(document.activeElement?.classList.contains('pair-focus')).toBe(true))
  })
})

describe('quick search', () => {
  it('shows the answer to the latest query only, and links the chosen hit with Enter', async () => {
    const pending = new Map<string, (hits: SearchHit[]) => void>()
    const fake = fakeApi({
      'search/population': (args: ApiInput<'search/population'>) =>
        new Promise<SearchHit[]>((done) => pending.set(args.q, done))
    })
    setApi(fake.api)
    const picked: SearchHit[] = []
    render(<QuickSearch initial="" onPick={(h) => picked.push(h)} onClose={() => undefined} />)
    const box = screen.getByRole('combobox', { name: 'Tìm trong CSDL dân cư' })
    const hit = (id: number, fullName: string): SearchHit => ({
      id,
      recordKey: `DC${id}`,
      fullName,
      dob: '1990-03-05',
      sex: 'M',
      idNumber: null,
      legacyId: null,
      residence: null,
      version: 1,
      score: 1
    })

    fireEvent.change(box, { target: { value: 'ng' } })
    await waitFor(() => expect(pending.has('ng')).toBe(true))
    fireEvent.change(box, { target: { value: 'nguyen dung' } })
    await waitFor(() => expect(pending.has('nguyen dung')).toBe(true))
    // The newer answer arrives first; the older one, arriving late, must not replace it.
    await act(async () => {
      pending.get('nguyen dung')!([hit(1, 'Nguyễn Văn Dũng'), hit(2, 'Nguyễn Dũng')])
      await Promise.resolve()
    })
    await act(async () => {
      pending.get('ng')!([hit(9, 'Ngô Thị Lan')])
      await Promise.resolve()
    })
    const options = screen.getAllByRole('option')
    expect(options.map((o) => o.querySelector('.hit-name')!.textContent)).toEqual([
      'Nguyễn Văn Dũng',
      'Nguyễn Dũng'
    ])
    fireEvent.keyDown(box, { key: 'ArrowDown' })
    expect(screen.getAllByRole('option')[1]!.getAttribute('aria-selected')).toBe('true')
    fireEvent.keyDown(box, { key: 'Enter' })
    expect(picked.map((h) => h.id)).toEqual([2])
  })
})

describe('quick search, Enter before the answer', () => {
  it('links the first hit of the typed text once its answer arrives', async () => {
    const pending = new Map<string, (hits: SearchHit[]) => void>()
    const fake = fakeApi({
      'search/population': (args: ApiInput<'search/population'>) =>
        new Promise<SearchHit[]>((done) => pending.set(args.q, done))
    })
    setApi(fake.api)
    const picked: number[] = []
    render(<QuickSearch initial="" onPick={(h) => picked.push(h.id)} onClose={() => undefined} />)
    const box = screen.getByRole('combobox', { name: 'Tìm trong CSDL dân cư' })
    fireEvent.change(box, { target: { value: 'le van tam 1987' } })
    fireEvent.keyDown(box, { key: 'Enter' })
    expect(picked).toEqual([])
    await waitFor(() => expect(pending.has('le van tam 1987')).toBe(true))
    await act(async () => {
      pending.get('le van tam 1987')!([
        {
          id: 42,
          recordKey: 'DC42',
          fullName: 'Lê Văn Tâm',
          dob: '1987-01-01',
          sex: 'M',
          idNumber: null,
          legacyId: null,
          residence: null,
          version: 1,
          score: 1
        }
      ])
      await Promise.resolve()
    })
    expect(picked).toEqual([42])
  })
})

describe('the correction form', () => {
  it('pre-fills from the other side, refuses a date that is not one inline, then sends the proposal', async () => {
    const fake = fakeApi({
      'corrections/propose': (args: ApiInput<'corrections/propose'>) => ({
        uuid: 'u1',
        sourceRecordId: args.sourceRecordId,
        populationRecordId: args.populationRecordId,
        populationKey: 'DC0000501',
        populationVersion: 3,
        side: args.side,
        reason: args.reason,
        reasonText: null,
        evidence: args.evidence ?? null,
        state: 'proposed',
        proposedBy: 'canbo',
        proposedAt: '2026-11-27T05:00:00.000Z',
        fields: [{ field: 'dob', oldValue: '1990-03-05', newValue: '1990-03-15' }]
      })
    })
    setApi(fake.api)
    const done: string[] = []
    render(
      <CorrectionForm
        pair={diacriticPair()}
        onDone={(r) => done.push(r.uuid)}
        onClose={() => undefined}
      />
    )
    const form = screen.getByRole('dialog')
    // The name differs, so it starts chosen, pre-filled from the local side (national is wrong).
    expect(screen.getByLabelText<HTMLInputElement>('Giá trị đúng: Họ và tên').value).toBe(
      'Nguyen Van Dung'
    )
    fireEvent.click(screen.getByLabelText('Dữ liệu tại địa phương sai'))
    expect(screen.getByLabelText<HTMLInputElement>('Giá trị đúng: Họ và tên').value).toBe(
      'Nguyễn Văn Dũng'
    )
    fireEvent.click(form.querySelector('tr[data-field="full_name"] input[type="checkbox"]')!)
    fireEvent.click(form.querySelector('tr[data-field="dob"] input[type="checkbox"]')!)
    const dob = screen.getByLabelText<HTMLInputElement>('Giá trị đúng: Ngày sinh')
    expect(dob.value).toBe('05/03/1990')

    // Same as now: refused. Not a date: refused. Neither reaches the backend.
    fireEvent.click(screen.getByRole('button', { name: 'Gửi đề xuất' }))
    expect(await screen.findByText('Giá trị mới trùng với giá trị đang ghi.')).toBeTruthy()
    fireEvent.change(dob, { target: { value: '31/02/1990' } })
    expect(screen.getByText(/Không phải ngày hợp lệ/)).toBeTruthy()
    expect(dob.getAttribute('aria-invalid')).toBe('true')
    fireEvent.change(screen.getByLabelText('Lý do'), { target: { value: 'other' } })
    expect(screen.getByText('Lý do "khác" cần ghi rõ.')).toBeTruthy()
    expect(fake.argsOf('corrections/propose')).toEqual([])

    fireEvent.change(dob, { target: { value: '15/03/1990' } })
    fireEvent.change(screen.getByLabelText('Lý do'), { target: { value: 'dob_wrong' } })
    fireEvent.change(screen.getByLabelText('Căn cứ (vd. số đăng ký khai sinh và ngày đăng ký)'), {
      target: { value: 'Khai sinh số 12/1990, ngày 10/03/1990' }
    })
    fireEvent.click(screen.getByRole('button', { name: 'Gửi đề xuất' }))
    await waitFor(() => expect(done).toEqual(['u1']))
    expect(fake.argsOf('corrections/propose')).toEqual([
      {
        sourceRecordId: 11,
        populationRecordId: 501,
        side: 'local',
        fields: [{ field: 'dob', value: '15/03/1990' }],
        reason: 'dob_wrong',
        evidence: 'Khai sinh số 12/1990, ngày 10/03/1990'
      }
    ])
  })
})
