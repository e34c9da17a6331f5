// Cài đặt (settings): a placeholder; the language switch lives in the header.
import type { ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import { Placeholder } from '../../components/placeholder'

export function SettingsScreen(): ReactElement {
  const { t } = useTranslation()
  return <Placeholder title={t('nav.settings')} />
}
