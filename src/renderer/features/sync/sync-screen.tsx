// Đồng bộ (sync with the national side): a placeholder until sync lands.
import type { ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import { Placeholder } from '../../components/placeholder'

export function SyncScreen(): ReactElement {
  const { t } = useTranslation()
  return <Placeholder title={t('nav.sync')} />
}
