// The app's mark and name ("Đối soát" and what it does), in the header and on the sign-in pages.
import type { ReactElement } from 'react'
import { useTranslation } from 'react-i18next'

export function Brand(): ReactElement {
  const { t } = useTranslation()
  return (
    <div className="brand">
      <span className="brand-mark" aria-hidden="true">
        ĐS
      </span>
      <div>
        <div className="brand-title">{t('app.title')}</div>
        <div className="brand-subtitle">{t('app.subtitle')}</div>
      </div>
    </div>
  )
}
