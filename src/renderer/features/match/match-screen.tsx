// Đối soát (match runs and review): a placeholder until matching lands.
import type { ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import { Placeholder } from '../../components/placeholder'

export function MatchScreen(): ReactElement {
  const { t } = useTranslation()
  return <Placeholder title={t('nav.match')} />
}
