// Vietnamese / English switch in the header; the choice survives a reload.
import type { ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import { LANGUAGES } from '../../shared/i18n'
import { setLanguage, useLanguage } from '../i18n'

export function LanguageSwitch(): ReactElement {
  const { t } = useTranslation()
  const current = useLanguage()
  return (
    <div className="lang-switch" role="group" aria-label={t('lang.label')}>
      {LANGUAGES.map((lng) => (
        <button
          key={lng}
          type="button"
          lang={lng}
          aria-pressed={lng === current}
          onClick={() => void setLanguage(lng)}
        >
          {t(`lang.${lng}`)}
        </button>
      ))}
    </div>
  )
}
