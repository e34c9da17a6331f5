// "The same for K similar pairs": after a decision, offer it for every open pair of the same kind, with the count confirmed first.
import { useEffect, useState } from 'react'
import type { ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import type { ApiName, SimilarAction } from '../../../shared/api'
import { describeError } from '../../lib/error-text'
import { formatNumber, useLanguage } from '../../i18n'
import { useApiMutation } from '../../lib/use-api'

/** What the same decision for many rows changes (the caller's own list is its `onApplied`). */
const CHANGED: ApiName[] = ['learn/status', 'review/queue', 'review/dashboard']

/**
 * Shown after a clerk accepted or rejected a row: how many open pairs look the same (same level
 * pattern and flags), and one button to decide them all alike once the count is confirmed.
 */
export function SimilarOffer({
  sourceRecordId,
  action,
  onApplied
}: {
  sourceRecordId: number
  action: SimilarAction
  onApplied?: (count: number) => void
}): ReactElement | null {
  const { t } = useTranslation()
  const lng = useLanguage()
  // Counting changes nothing: only applying reloads what shows the rows.
  const counter = useApiMutation('learn/similar')
  const similar = useApiMutation('learn/similar', { invalidates: CHANGED })
  const [count, setCount] = useState<number | null>(null)
  const [done, setDone] = useState<number | null>(null)
  const [error, setError] = useState<string | null>(null)
  const { run } = counter
  useEffect(() => {
    // Mounted once per decision (the caller keys it): the count is asked for once.
    let live = true
    run({ sourceRecordId, action, dryRun: true }).then(
      (r) => live && setCount(r.count),
      (e: unknown) => live && setError(describeError(e, t, lng))
    )
    return () => {
      live = false
    }
  }, [sourceRecordId, action, run, t, lng])
  if (error) return <p className="alert alert-error">{error}</p>
  if (done !== null)
    return (
      <p className="alert alert-info" role="status">
        {t(`teach.similarDone.${action}`, { count: formatNumber(done, lng) })}
      </p>
    )
  if (!count) return null
  const apply = (): void => {
    similar
      .run({ sourceRecordId, action, dryRun: false, expectedCount: count })
      .then((r) => {
        setDone(r.count)
        onApplied?.(r.count)
      })
      .catch((e: unknown) => setError(describeError(e, t, lng)))
  }
  return (
    <div className="similar-offer" data-testid="similar-offer">
      <span>{t(`teach.similarOffer.${action}`, { count: formatNumber(count, lng) })}</span>
      <button type="button" className="button" onClick={apply} disabled={similar.busy}>
        {t('teach.similarApply', { count: formatNumber(count, lng) })}
      </button>
    </div>
  )
}
