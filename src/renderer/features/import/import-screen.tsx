// Nhập dữ liệu (import): a placeholder until the import screen exists; `doisoat import` covers it meanwhile.
import type { ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import { Placeholder } from '../../components/placeholder'

export function ImportScreen(): ReactElement {
  const { t } = useTranslation()
  return <Placeholder title={t('nav.import')} />
}
