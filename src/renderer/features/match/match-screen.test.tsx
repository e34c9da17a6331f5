// @vitest-environment jsdom
// The review screen against a scripted backend: keyboard flow, pair view, quick search, correction.
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { ApiInput, CorrectionRow, PairView, SearchHit, UserInfo } from '../../../shared/api'
import { UserContext } from '../auth/user-context'
import { setApi } from '../../lib/api'
import { CorrectionForm } from './correction-form'
import { MatchScreen } from './match-screen'
import { PairPanel } from './pair-panel'
import { QuickSearch } from './quick-search'
import { fakeApi, setUpScreenTests } from '../../test-support'
import { diacriticPair, queueRow } from './test-fixtures'

setUpScreenTests()

/**
 * A scripted backend that keeps each record's state: the queue filters by state as the real one
 * does (a decided pair leaves the open queue), decisions and undos change it.
 */
function screenBackend(
  names: string[] = ['Nguyen Van Dung', 'Tran Thi Hoa', 'Le Van Nam'],
  /** Records the matching found nobody for. */
  unmatched: number[] = []
) {
  const rows = names.map((name, i) => queueRow(11 + i, name))
  const states = new Map<number, PairView['state']>(rows.map((r) => [r.sourceRecordId, 'open']))
  const history = new Map<number, { id: number; before: PairView['state'] }>()
  let nextDecision = 1
  const NEXT: Partial<Record<string, PairView['state']>> = {
    accept: 'accepted',
    reject: 'rejected',
    duplicate: 'duplicate',
    not_in_population: 'not_in_population',
    relink: 'relinked',
    reopen: 'open'
  }
  const fake = fakeApi({
    'batches/list': () => [],
    'views/list': () => [],
    'jobs/list': () => [],
    'match/model': () => ({
      model: null,
      lastRun: null,
      unmatched: [],
      counts: { population: 0, source: 0 },
      populationChangedSince: 0
    }),
    'review/queue': (args: ApiInput<'review/queue'>) => {
      const wanted = args.filter?.state
      const list = rows
        .map((r) => ({ ...r, state: states.get(r.sourceRecordId)! }))
        .filter((r) => !wanted || wanted.includes(r.state))
      return { rows: list.slice(args.startRow, args.endRow), total: list.length, runId: 1 }
    },
    'review/pair': (args: ApiInput<'review/pair'>) =>
      diacriticPair({
        source: {
          ...diacriticPair().source,
          id: args.sourceRecordId,
          record_key: `HT-${args.sourceRecordId}`,
          full_name: rows.find((r) => r.sourceRecordId === args.sourceRecordId)!.name
        },
        state: states.get(args.sourceRecordId)!,
        ...(unmatched.includes(args.sourceRecordId)
          ? { population: null, pairId: null, grade: 'none' as const, candidates: [] }
          : {})
      }),
    'learn/similar': () => ({ count: 0, applied: false }),
    'review/decide': (args: ApiInput<'review/decide'>) => {
      const before = states.get(args.sourceRecordId)!
      if (args.expectedState !== undefined && args.expectedState !== before)
        throw Object.assign(new Error('stale'), { code: 'review_stale' })
      const after = NEXT[args.action] ?? before
      states.set(args.sourceRecordId, after)
      const id = nextDecision++
      history.set(args.sourceRecordId, { id, before })
      return { sourceRecordId: args.sourceRecordId, state: after, decisionId: id, link: null }
    },
    'review/undo': (args: ApiInput<'review/undo'>) => {
      const last = history.get(args.sourceRecordId)!
      expect(last.id).toBe(args.decisionId)
      states.set(args.sourceRecordId, last.before)
      return {
        sourceRecordId: args.sourceRecordId,
        state: last.before,
        decisionId: nextDecision++,
        link: null
      }
    }
  })
  const decided = () =>
    (fake.argsOf('review/decide') as ApiInput<'review/decide'>[]).map((a) => [
      a.sourceRecordId,
      a.action
    ])
  return { ...fake, states, decided }
}

const shownId = (): number => Number(screen.getByTestId('pair-view').dataset.sourceId)

/** The grid makes each step slow in jsdom: a longer wait than the default second. */
const until = <T,>(check: () => T): Promise<T> => waitFor(check, { timeout: 5000 })

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

  it('says an abbreviated address is only written another way, unmarked; another hamlet stays "Khác"', () => {
    const base = diacriticPair()
    const pair = diacriticPair({
      fields: [
        ...base.fields,
        {
          field: 'residence',
          source: 'Xóm 8, X. Phúc Sơn, TP. Hà Nội',
          population: 'Xóm 8, Xã Phúc Sơn, Thành phố Hà Nội',
          same: false
        },
        {
          field: 'hometown',
          source: 'Thôn 3, X. Mỹ Đức, Hà Nội',
          population: 'Thôn 4, Xã Mỹ Đức, Thành phố Hà Nội',
          same: false
        }
      ]
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
    const table = screen.getByTestId('pair-fields')
    const residence = table.querySelector<HTMLElement>('tr[data-field="residence"]')!
    expect(within(residence).getByText('Viết tắt / cách viết khác')).toBeTruthy()
    expect(within(residence).queryByText('Khác')).toBeNull()
    expect(residence.className).not.toContain('cmp-different')
    expect(residence.querySelectorAll('mark')).toHaveLength(0)
    expect(residence.querySelector('td[data-side="local"]')!.textContent).toBe(
      'Xóm 8, X. Phúc Sơn, TP. Hà Nội'
    )

    const hometown = table.querySelector<HTMLElement>('tr[data-field="hometown"]')!
    expect(within(hometown).getByText('Khác')).toBeTruthy()
    expect(hometown.querySelectorAll('mark[data-diff="changed"]').length).toBeGreaterThan(0)
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
    expect(chart.querySelector('g.wf-total .wf-value')!.textContent).toBe('+15,0')
    expect(chart.querySelector('figcaption')!.textContent).toContain('+15,0 bit')
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
  it('a record linked to nobody but with candidates says none was close enough, and lists them below', () => {
    render(
      <PairPanel
        pair={diacriticPair({
          population: null,
          pairId: null,
          grade: 'none',
          probability: 0,
          explanation: []
        })}
        loading={false}
        position={null}
        busy={false}
        onCommand={() => undefined}
        onLinkCandidate={() => undefined}
      />
    )
    expect(screen.getByTestId('waterfall-none').textContent).toBe(
      'Không có ứng viên nào đủ gần để liên kết, nên không có điểm để giải thích. Các ứng viên tìm thấy được liệt kê bên dưới.'
    )
    expect(screen.queryByText(/chưa có ứng viên/)).toBeNull()
    expect(screen.getByTestId('pair-candidates').querySelectorAll('tbody tr')).toHaveLength(2)
  })
})

describe('the review screen with the keyboard', () => {
  it('J opens the first pair; A accepts it and moves to the next open pair; keys typed in a field do nothing', async () => {
    const fake = screenBackend()
    setApi(fake.api)
    render(<MatchScreen />)
    await waitFor(() => expect(fake.argsOf('views/list')).toHaveLength(1))

    fireEvent.keyDown(document.body, { key: 'j' })
    await screen.findByTestId('pair-view')
    expect(shownId()).toBe(11)
    expect(fake.argsOf('review/queue')).toContainEqual({
      filter: { flagMode: 'any', state: ['open'] },
      startRow: 0,
      endRow: 2
    })

    // Typing in the commune box is typing, not a decision.
    fireEvent.keyDown(screen.getByLabelText('Mã xã'), { key: 'a' })
    expect(fake.argsOf('review/decide')).toEqual([])

    fireEvent.keyDown(document.body, { key: 'a' })
    await until(() => expect(shownId()).toBe(12))
    expect(fake.argsOf('review/decide')).toEqual([
      { sourceRecordId: 11, action: 'accept', expectedState: 'open' }
    ])
    expect(screen.getByTestId('match-status').textContent).toBe(
      'Đã ghi «Đã chấp nhận liên kết» cho HT-11 (Nguyen Van Dung). Nhấn U (hoặc Ctrl+Z) để hoàn tác.'
    )
    // The accepted pair left the open queue: the next one is row 1 of 2.
    await waitFor(() => expect(screen.getByTestId('pair-view').textContent).toContain('Dòng 1 / 2'))
  })

  it('A then R: R decides the pair now on screen and never overturns the accept', async () => {
    const fake = screenBackend()
    setApi(fake.api)
    render(<MatchScreen />)
    fireEvent.keyDown(document.body, { key: 'j' })
    await until(() => expect(shownId()).toBe(11))
    fireEvent.keyDown(document.body, { key: 'a' })
    await until(() => expect(shownId()).toBe(12))
    fireEvent.keyDown(document.body, { key: 'r' })
    await until(() => expect(shownId()).toBe(13))
    expect(fake.decided()).toEqual([
      [11, 'accept'],
      [12, 'reject']
    ])
    expect(fake.states.get(11)).toBe('accepted')
    expect(fake.states.get(12)).toBe('rejected')
  })

  it('A then R at once, before the accept has come back: the accept stands', async () => {
    const fake = screenBackend()
    setApi(fake.api)
    render(<MatchScreen />)
    fireEvent.keyDown(document.body, { key: 'j' })
    await until(() => expect(shownId()).toBe(11))
    fireEvent.keyDown(document.body, { key: 'a' })
    fireEvent.keyDown(document.body, { key: 'r' })
    await until(() => expect(shownId()).toBe(12))
    // The R came before the next pair was shown: it is not taken, neither on the accepted pair
    // (refused as another person's decision) nor on a pair the clerk has not yet seen.
    await new Promise((done) => setTimeout(done, 300))
    expect(fake.decided()).toEqual([[11, 'accept']])
    expect(fake.states.get(11)).toBe('accepted')
    expect(screen.queryByRole('alert')).toBeNull()
    expect(screen.getByTestId('match-status').textContent).toContain(
      'Đã ghi «Đã chấp nhận liên kết»'
    )
  })

  it('U undoes the last decision and shows that pair again; Ctrl+Z the one before; then nothing', async () => {
    const fake = screenBackend()
    setApi(fake.api)
    render(<MatchScreen />)
    fireEvent.keyDown(document.body, { key: 'j' })
    await until(() => expect(shownId()).toBe(11))
    fireEvent.keyDown(document.body, { key: 'a' })
    await until(() => expect(shownId()).toBe(12))
    fireEvent.keyDown(document.body, { key: 'n' })
    // Pressed before the decision has come back: it still takes back that decision.
    fireEvent.keyDown(document.body, { key: 'u' })
    await waitFor(() => expect(fake.argsOf('review/undo')).toHaveLength(1))
    await until(() => expect(shownId()).toBe(12))
    expect(fake.argsOf('review/undo')).toEqual([{ sourceRecordId: 12, decisionId: 2 }])
    expect(fake.states.get(12)).toBe('open')
    expect(screen.getByTestId('match-status').textContent).toBe(
      'Đã hoàn tác «Đánh dấu "không có trong CSDL dân cư"» cho HT-12 (Tran Thi Hoa); cặp đã trở lại như trước.'
    )

    fireEvent.keyDown(document.body, { key: 'z', ctrlKey: true })
    await until(() => expect(shownId()).toBe(11))
    expect(fake.states.get(11)).toBe('open')
    fireEvent.keyDown(document.body, { key: 'u' })
    await waitFor(() =>
      expect(screen.getByTestId('match-status').textContent).toBe(
        'Chưa có quyết định nào ghi trên màn hình này để hoàn tác.'
      )
    )
    expect(fake.argsOf('review/undo')).toHaveLength(2)
  })

  it('a decided pair asks before its decision changes, stating the old and the new; keeping is the default', async () => {
    const fake = screenBackend()
    fake.states.set(11, 'accepted')
    setApi(fake.api)
    render(<MatchScreen />)
    // Every state, so the accepted pair is in the queue.
    fireEvent.change(await screen.findByLabelText('Trạng thái xem xét'), { target: { value: '' } })
    fireEvent.keyDown(document.body, { key: 'j' })
    await until(() => expect(shownId()).toBe(11))
    await waitFor(() =>
      expect(screen.getByTestId('pair-state').textContent).toBe('Trạng thái: Đã chấp nhận liên kết')
    )

    fireEvent.keyDown(document.body, { key: 'r' })
    const dialog = await screen.findByTestId('change-dialog')
    expect(within(dialog).getByTestId('change-text').textContent).toBe(
      'Cặp HT-11 (Nguyen Van Dung) đã có quyết định «Đã chấp nhận liên kết». Đổi thành «Đã bác bỏ liên kết»?'
    )
    // The focus is on "keep": Enter or Escape changes nothing.
    expect(document.activeElement?.textContent).toBe('Giữ «Đã chấp nhận liên kết»')
    fireEvent.keyDown(dialog, { key: 'Escape' })
    await waitFor(() => expect(screen.queryByTestId('change-dialog')).toBeNull())
    expect(fake.argsOf('review/decide')).toEqual([])

    fireEvent.keyDown(document.body, { key: 'r' })
    fireEvent.click(
      within(await screen.findByTestId('change-dialog')).getByRole('button', {
        name: 'Đổi thành «Đã bác bỏ liên kết»'
      })
    )
    await waitFor(() =>
      expect(fake.argsOf('review/decide')).toEqual([
        { sourceRecordId: 11, action: 'reject', expectedState: 'accepted' }
      ])
    )
    expect(fake.states.get(11)).toBe('rejected')
  })

  it('A on an auto-accepted pair decides at once (no person decided it) and moves to the next auto-accepted pair', async () => {
    const fake = screenBackend(['Nguyen Van Dung', 'Tran Thi Hoa', 'Le Van Nam', 'Pham Thi Lan'])
    for (const id of [11, 12, 13]) fake.states.set(id, 'auto_accepted')
    setApi(fake.api)
    render(<MatchScreen />)
    fireEvent.click(await screen.findByRole('button', { name: 'Hiện các cặp này' }))
    fireEvent.keyDown(document.body, { key: 'j' })
    await until(() => expect(shownId()).toBe(11))
    await waitFor(() =>
      expect(screen.getByTestId('pair-state').textContent).toBe(
        'Trạng thái: Tự động chấp nhận (Chắc chắn)'
      )
    )

    fireEvent.keyDown(document.body, { key: 'a' })
    await until(() => expect(shownId()).toBe(12))
    expect(screen.queryByTestId('change-dialog')).toBeNull()
    expect(fake.argsOf('review/decide')).toEqual([
      { sourceRecordId: 11, action: 'accept', expectedState: 'auto_accepted' }
    ])
    expect(fake.states.get(11)).toBe('accepted')
    // The list on screen is the auto-accepted one: its next pair, not an open one (14).
    await waitFor(() => expect(screen.getByTestId('pair-view').textContent).toContain('Dòng 1 / 2'))
    expect(screen.getByTestId('match-status').textContent).not.toContain('Không còn cặp nào')

    // And again, on the pair now shown.
    fireEvent.keyDown(document.body, { key: 'r' })
    await until(() => expect(shownId()).toBe(13))
    expect(fake.decided()).toEqual([
      [11, 'accept'],
      [12, 'reject']
    ])
  })

  it('A on a record nobody was found for says how to link it instead, and records nothing', async () => {
    const fake = screenBackend(undefined, [11])
    setApi(fake.api)
    render(<MatchScreen />)
    fireEvent.keyDown(document.body, { key: 'j' })
    await until(() => expect(shownId()).toBe(11))
    const actions = within(screen.getByTestId('pair-view')).getByRole('toolbar')
    expect(within(actions).queryByText('Chấp nhận')).toBeNull()
    fireEvent.keyDown(document.body, { key: 'a' })
    await until(() =>
      expect(screen.getByTestId('match-status').textContent).toContain(
        'Bản ghi này chưa có bản ghi dân cư nào để chấp nhận. Hãy tìm và liên kết bằng tay (phím /)'
      )
    )
    expect(fake.argsOf('review/decide')).toEqual([])
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
    expect(within(actions).queryByText(/Chấp nhận/)).toBeNull()
    expect(within(actions).getByText(/Đề xuất sửa/)).toBeTruthy()
    expect(screen.queryByText(/Chấp nhận hàng loạt/)).toBeNull()
    expect(screen.queryByRole('button', { name: 'Chạy đối soát' })).toBeNull()
    fireEvent.keyDown(document.body, { key: 'a' })
    await waitFor(() =>
      expect(screen.getByTestId('match-status').textContent).toContain('Chỉ cán bộ đối soát')
    )
    expect(fake.argsOf('review/decide')).toEqual([])
  })

  it('? opens the shortcut list in words and key names, and Escape closes it with focus back on the pair', async () => {
    const fake = screenBackend()
    setApi(fake.api)
    render(<MatchScreen />)
    fireEvent.keyDown(document.body, { key: '?' })
    const help = await screen.findByTestId('shortcut-help')
    expect(within(help).getByText('Chấp nhận liên kết')).toBeTruthy()
    expect(within(help).getByText('Đề xuất chỉnh sửa')).toBeTruthy()
    const keys = [...help.querySelectorAll('kbd')].map((k) => k.textContent)
    expect(keys).toContain('↓')
    expect(keys).toContain('Ctrl+Z')
    expect(keys).not.toContain('ArrowDown')
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

/** What corrections/propose answers: the proposal stored, as the backend would. */
function proposed(args: ApiInput<'corrections/propose'>): CorrectionRow {
  return {
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
  }
}

const ticked = (form: HTMLElement): string[] =>
  [...form.querySelectorAll<HTMLInputElement>('tr[data-field] input[type="checkbox"]')]
    .filter((box) => box.checked)
    .map((box) => box.closest('tr')!.dataset.field!)

describe('the correction form', () => {
  it('pre-fills from the other side, refuses a date that is not one inline, then says what was sent', async () => {
    const fake = fakeApi({ 'corrections/propose': proposed })
    setApi(fake.api)
    const saved: string[] = []
    render(
      <CorrectionForm
        pair={diacriticPair()}
        onSaved={(r) => saved.push(r.uuid)}
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
    fireEvent.change(screen.getByLabelText('Lý do'), { target: { value: 'dob_wrong' } })

    // Same as now: refused, and the field with the problem gets the focus. Not a date: refused.
    fireEvent.click(screen.getByRole('button', { name: 'Gửi đề xuất' }))
    expect(await screen.findByText('Giá trị mới trùng với giá trị đang ghi.')).toBeTruthy()
    await waitFor(() => expect(document.activeElement).toBe(dob))
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
    await waitFor(() => expect(saved).toEqual(['u1']))
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
    // A clear confirmation: what, for whom (the local record, the side said to be wrong), and that
    // a supervisor decides next.
    const sent = await screen.findByTestId('correction-sent')
    expect(within(sent).getByRole('status').textContent).toBe(
      'Đề xuất sửa bản ghi tại địa phương của Nguyen Van Dung (HT-000011), Dữ liệu tại địa phương sai:'
    )
    expect(sent.textContent).not.toContain('DC0000501')
    expect(within(sent).getByText(/Ngày sinh: 05\/03\/1990 →/).textContent).toBe(
      'Ngày sinh: 05/03/1990 → 15/03/1990'
    )
    expect(sent.textContent).toContain(
      'Đề xuất đang chờ giám sát viên duyệt. Chưa có gì thay đổi trong dữ liệu tại địa phương cho đến khi đề xuất được duyệt.'
    )
    expect(sent.textContent).not.toContain('CSDL dân cư')
    expect(document.activeElement?.textContent).toBe('Đóng')
  })

  it('ticks only differences that matter: not an abbreviated address, tone placement or case', () => {
    setApi(fakeApi({}).api)
    const base = diacriticPair()
    const pair = diacriticPair({
      source: {
        ...base.source,
        residence: 'P. Hòa Bình, TP. Biên Hòa, Đồng Nai',
        hometown: 'Xã Yên Sở, Huyện Hoài Đức',
        mother_name: 'LÊ THỊ THỦY'
      },
      population: {
        ...base.population!,
        residence: 'Phường Hòa Bình, Thành phố Biên Hoà, Đồng Nai',
        hometown: 'Xã Yên Phú, Huyện Hoài Đức',
        mother_name: 'Lê Thị Thuỷ'
      }
    })
    render(<CorrectionForm pair={pair} onSaved={() => undefined} onClose={() => undefined} />)
    // The name lacks its diacritics and the hometown is another commune: those matter.
    expect(ticked(screen.getByRole('dialog'))).toEqual(['full_name', 'hometown'])
  })

  it('does not tick an address the local register abbreviates and the national one spells out', () => {
    setApi(fakeApi({}).api)
    const base = diacriticPair()
    const pair = diacriticPair({
      source: {
        ...base.source,
        full_name: 'Nguyễn Văn Dũng',
        residence: 'Thôn 3, X. Mỹ Đức, Hà Nội',
        hometown: 'Xóm 8, X. Phúc Sơn, TP. Hà Nội'
      },
      population: {
        ...base.population!,
        residence: 'Thôn 3, Xã Mỹ Đức, Thành phố Hà Nội',
        hometown: 'Xóm 9, Xã Phúc Sơn, Thành phố Hà Nội'
      }
    })
    render(<CorrectionForm pair={pair} onSaved={() => undefined} onClose={() => undefined} />)
    // Another hamlet number is another place: that one is ticked.
    expect(ticked(screen.getByRole('dialog'))).toEqual(['hometown'])
  })

  it('has no reason until the clerk picks one: the submit says so beside the field and focuses it', async () => {
    const fake = fakeApi({ 'corrections/propose': proposed })
    setApi(fake.api)
    render(
      <CorrectionForm pair={diacriticPair()} onSaved={() => undefined} onClose={() => undefined} />
    )
    const reason = screen.getByLabelText<HTMLSelectElement>('Lý do')
    expect(reason.value).toBe('')
    fireEvent.click(screen.getByRole('button', { name: 'Gửi đề xuất' }))
    const message = await screen.findByText('Hãy chọn lý do.')
    expect(reason.getAttribute('aria-describedby')).toBe(message.id)
    await waitFor(() => expect(document.activeElement).toBe(reason))
    expect(screen.getByTestId('correction-problems').textContent).toBe(
      'Chưa gửi: hãy sửa các ô có thông báo màu đỏ.'
    )
    expect(fake.argsOf('corrections/propose')).toEqual([])
  })
})

describe("the pair's own proposals", () => {
  it('lists the proposals of the pair on screen, with who proposed them by name', () => {
    const row = proposed({
      sourceRecordId: 11,
      populationRecordId: 501,
      side: 'population',
      fields: [{ field: 'dob' }],
      reason: 'dob_wrong',
      evidence: 'Khai sinh số 12/1990'
    })
    render(
      <PairPanel
        pair={diacriticPair({ corrections: [row], userNames: { canbo: 'Cán bộ Tư pháp' } })}
        loading={false}
        position={null}
        busy={false}
        onCommand={() => undefined}
        onLinkCandidate={() => undefined}
      />
    )
    const list = screen.getByTestId('corrections-list')
    expect(list.querySelectorAll('tbody tr')).toHaveLength(1)
    expect(list.textContent).toContain('Ngày sinh: 05/03/1990 → 15/03/1990')
    expect(list.textContent).toContain('Cán bộ Tư pháp')
    expect(list.textContent).toContain('27/11/2026')
    expect(list.textContent).not.toContain('canbo')
  })
})
