// Báo cáo (reports): a placeholder until reports land.
import type { ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import { Placeholder } from '../../components/placeholder'

export function ReportsScreen(): ReactElement {
  const { t } = useTranslation()
  return <Placeholder title={t('nav.reports')} />
}
