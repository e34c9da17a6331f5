// The four figures a clerk checks first: population, local records, batches, rejected rows.
import type { ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import type { AppInfo } from '../../../shared/api'
import { formatNumber, useLanguage } from '../../i18n'

const KEYS = ['population', 'source', 'batches', 'rejected'] as const

export function CountTiles({ counts }: { counts: AppInfo['counts'] }): ReactElement {
  const { t } = useTranslation()
  const lng = useLanguage()
  return (
    <dl className="tiles" aria-label={t('overview.counts')}>
      {KEYS.map((key) => (
        <div key={key} className={`tile tile-${key}`}>
          <dt>{t(`overview.${key}`)}</dt>
          <dd data-testid={`count-${key}`}>{formatNumber(counts[key], lng)}</dd>
        </div>
      ))}
    </dl>
  )
}
