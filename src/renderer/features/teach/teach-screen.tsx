// Dạy mô hình: the open pairs whose answers tell the matcher most, answered by keyboard; re-fit, versions and rollback.
import { useCallback, useEffect, useState } from 'react'
import type { ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import type {
  ApiName,
  LearnSummary,
  SimilarAction,
  TeachPerson,
  TeachRow
} from '../../../shared/api'
import { describeError } from '../../lib/error-text'
import type { Language } from '../../../shared/i18n'
import { formatNumber, useLanguage } from '../../i18n'
import { formatValue } from '../../lib/format'
import { useApiMutation, useApiQuery } from '../../lib/use-api'
import { useJob, type JobDone } from '../../lib/use-job'
import { formatProbability } from '../match/queue-model'
import { SimilarOffer } from './similar-offer'
import './teach.css'

/** What an answer changes. */
const ANSWERED: ApiName[] = ['learn/status', 'review/queue', 'review/dashboard']
const PERSON_FIELDS = ['name', 'dob', 'sex', 'residence', 'father', 'mother', 'key'] as const
type Answer = 'same' | 'other' | 'absent'
/** The review screen's letters for the same meanings (J: next), so a clerk's hands learn one set. */
const KEYS: Record<string, Answer | 'skip'> = { a: 'same', r: 'other', n: 'absent', j: 'skip' }
const KEY_OF = Object.fromEntries(
  Object.entries(KEYS).map(([k, a]) => [a, k.toUpperCase()])
) as Record<Answer | 'skip', string>

/**
 * An expected number of wrong decisions as a clerk counts decisions: whole numbers, and "under 1"
 * rather than a fraction of a decision.
 */
function expectedErrors(n: number, lng: Language, under1: string): string {
  if (n > 0 && n < 0.5) return under1
  return formatNumber(Math.round(n), lng)
}

function Person({ title, p }: { title: string; p: TeachPerson }): ReactElement {
  const { t } = useTranslation()
  return (
    <div className="teach-person">
      <h3>{title}</h3>
      <dl>
        {PERSON_FIELDS.map((f) => (
          <div key={f}>
            <dt>{t(`teach.fields.${f}`)}</dt>
            <dd>{formatValue(f, p[f], t) || '—'}</dd>
          </div>
        ))}
      </dl>
    </div>
  )
}

export function TeachScreen(): ReactElement {
  const { t } = useTranslation()
  const lng = useLanguage()
  const status = useApiQuery('learn/status', {})
  const list = useApiQuery('learn/teach', { limit: 20 })
  const decide = useApiMutation('review/decide', { invalidates: ANSWERED })
  const [at, setAt] = useState(0)
  const [answered, setAnswered] = useState(0)
  const [last, setLast] = useState<{ id: number; action: SimilarAction } | null>(null)
  const [message, setMessage] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const rows = list.data?.rows ?? []
  const q: TeachRow | undefined = rows[at]

  const finished = (done: JobDone): void => {
    if (done.state === 'done' && done.result) {
      const r = done.result as LearnSummary
      setMessage(t('teach.jobDone', { version: r.versionId }))
    } else if (done.error) setError(describeError(done.error, t, lng))
    setAt(0)
    status.reload()
    list.reload()
  }
  const refit = useJob('learn/refit', finished)
  const rollback = useJob('learn/rollback', finished)
  const running = refit.running || rollback.running
  const progress = refit.progress ?? rollback.progress

  const answer = useCallback(
    (a: Answer | 'skip'): void => {
      if (!q || decide.busy || running) return
      setMessage(null)
      setError(null)
      if (a === 'skip') {
        setAt((i) => i + 1)
        return
      }
      // "The same person": accepted when the grade linked it, else linked by hand to the shown record.
      const args =
        a === 'same'
          ? q.grade !== 'none'
            ? { sourceRecordId: q.sourceRecordId, action: 'accept' as const }
            : {
                sourceRecordId: q.sourceRecordId,
                action: 'relink' as const,
                populationRecordId: q.populationRecordId
              }
          : a === 'other'
            ? { sourceRecordId: q.sourceRecordId, action: 'reject' as const }
            : { sourceRecordId: q.sourceRecordId, action: 'not_in_population' as const }
      decide.run(args).then(
        () => {
          setAnswered((n) => n + 1)
          setLast(
            a === 'absent'
              ? null
              : { id: q.sourceRecordId, action: a === 'same' ? 'accept' : 'reject' }
          )
          setAt((i) => i + 1)
        },
        (e: unknown) => setError(describeError(e, t, lng))
      )
    },
    [q, decide, running, t, lng]
  )

  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      const el = e.target as HTMLElement | null
      if (el && /^(INPUT|SELECT|TEXTAREA)$/.test(el.tagName)) return
      if (e.ctrlKey || e.metaKey || e.altKey) return
      const a = KEYS[e.key.toLowerCase()]
      if (a) {
        e.preventDefault()
        answer(a)
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [answer])

  const s = status.data
  const active = s?.versions.find((v) => v.active) ?? null
  const pct = (p: number): string => formatProbability(p, lng)
  const errors = (n: number): string => expectedErrors(n, lng, t('teach.underOne'))
  return (
    <section className="screen teach-screen">
      <h1 className="screen-title">{t('nav.teach')}</h1>
      <p className="muted">{t('teach.intro')}</p>
      <div className="panel teach-status" data-testid="teach-status">
        <div>
          <span className="muted">{t('teach.version')}</span>{' '}
          <strong data-testid="active-version">
            {active
              ? t('teach.versionName', {
                  id: active.id,
                  origin: t(`teach.origin.${active.origin}`)
                })
              : t('teach.noVersion')}
          </strong>
        </div>
        <div>
          <span className="muted">{t('teach.labels')}</span>{' '}
          <strong>{formatNumber(s?.labels.total ?? 0, lng)}</strong>
          {s && s.newLabels > 0 && (
            <span className="muted"> ({t('teach.newLabels', { count: s.newLabels })})</span>
          )}
        </div>
        <div>
          <span className="muted">{t('teach.expectedError')}</span>{' '}
          <strong data-testid="expected-error">{errors(s?.expectedError ?? 0)}</strong>
          <span className="muted">
            {' '}
            / {formatNumber(s?.openPairs ?? 0, lng)} {t('teach.openPairs')}
          </span>
        </div>
        <button
          type="button"
          className="button button-primary"
          disabled={running || !s || s.labels.total === 0}
          onClick={() => {
            setMessage(null)
            setError(null)
            refit.start({}).catch((e: unknown) => setError(describeError(e, t, lng)))
          }}
        >
          {t('teach.refit')}
        </button>
      </div>
      {running && (
        <p className="muted" role="status" data-testid="teach-progress">
          {t('teach.running')}
          {progress?.total ? ` ${Math.round((100 * progress.done) / progress.total)} %` : ''}
        </p>
      )}
      {message && (
        <p className="alert alert-info" role="status">
          {message}
        </p>
      )}
      {error && <p className="alert alert-error">{error}</p>}
      {last && (
        <SimilarOffer
          key={`${last.id}:${last.action}`}
          sourceRecordId={last.id}
          action={last.action}
          onApplied={() => {
            // Questions about the rows just decided are gone: ask again.
            setAt(0)
            list.reload()
          }}
        />
      )}

      <div className="panel teach-question" data-testid="teach-question">
        <div className="panel-header">
          <h2 className="panel-title">
            {t('teach.question', { n: answered + 1 })}
            {q && <span className="muted teach-reason"> · {t(`teach.reason.${q.reason}`)}</span>}
          </h2>
          {q && (
            <span className="muted" data-testid="teach-probability">
              {t('teach.probability', { p: pct(q.probability) })}
              {q.otherProbability !== null &&
                ` · ${t('teach.otherProbability', { p: pct(q.otherProbability) })}`}
            </span>
          )}
        </div>
        {list.loading && !q && <p className="muted">{t('teach.loading')}</p>}
        {!list.loading && !q && <p className="muted">{t('teach.noQuestions')}</p>}
        {q && (
          <>
            <div className="teach-pair" data-source-id={q.sourceRecordId}>
              <Person title={t('teach.register')} p={q.source} />
              <Person title={t('teach.population')} p={q.population} />
            </div>
            <div className="actions teach-answers">
              <button type="button" className="button" onClick={() => answer('same')}>
                {t('teach.same')} <kbd>{KEY_OF.same}</kbd>
              </button>
              <button type="button" className="button" onClick={() => answer('other')}>
                {t('teach.other')} <kbd>{KEY_OF.other}</kbd>
              </button>
              <button type="button" className="button" onClick={() => answer('absent')}>
                {t('teach.absent')} <kbd>{KEY_OF.absent}</kbd>
              </button>
              <button type="button" className="button" onClick={() => answer('skip')}>
                {t('teach.skip')} <kbd>{KEY_OF.skip}</kbd>
              </button>
            </div>
          </>
        )}
      </div>

      <div className="panel">
        <h2 className="panel-title">{t('teach.versions')}</h2>
        <table className="teach-versions" data-testid="teach-versions">
          <thead>
            <tr>
              <th>{t('teach.version')}</th>
              <th>{t('teach.labels')}</th>
              <th>{t('teach.errorChange')}</th>
              <th>{t('teach.createdBy')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {(s?.versions ?? []).map((v) => (
              <tr key={v.id} aria-current={v.active ? 'true' : undefined}>
                <td>
                  {t('teach.versionName', { id: v.id, origin: t(`teach.origin.${v.origin}`) })}
                </td>
                <td>{formatNumber(v.summary.labels, lng)}</td>
                <td>
                  {v.summary.expectedError
                    ? `${v.summary.expectedError.before === null ? '—' : errors(v.summary.expectedError.before)} → ${errors(v.summary.expectedError.after)}`
                    : '—'}
                </td>
                <td>{v.signer ?? v.createdBy}</td>
                <td>
                  {v.active ? (
                    <span className="muted">{t('teach.inUse')}</span>
                  ) : (
                    <button
                      type="button"
                      className="button"
                      disabled={running}
                      onClick={() => {
                        rollback
                          .start({ versionId: v.id })
                          .catch((e: unknown) => setError(describeError(e, t, lng)))
                      }}
                    >
                      {t('teach.useVersion', { id: v.id })}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  )
}
