// Duyệt (supervisor approval of corrections): a placeholder until review lands.
import type { ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import { Placeholder } from '../../components/placeholder'

export function ApproveScreen(): ReactElement {
  const { t } = useTranslation()
  return <Placeholder title={t('nav.approve')} />
}
