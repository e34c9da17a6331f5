// A screen that is not built yet: its title and one honest sentence, no fake data.
import type { ReactElement } from 'react'
import { useTranslation } from 'react-i18next'

export function Placeholder({ title }: { title: string }): ReactElement {
  const { t } = useTranslation()
  return (
    <section className="screen">
      <h1 className="screen-title">{title}</h1>
      <p className="placeholder">{t('placeholder.soon')}</p>
    </section>
  )
}
