// The error line under a form or panel: any error a call threw, in the current language.
import type { ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import { useLanguage } from '../i18n'
import { describeError } from '../lib/error-text'

/** Nothing while `error` is null. */
export function ErrorAlert({ error }: { error: unknown }): ReactElement | null {
  const { t } = useTranslation()
  const lng = useLanguage()
  if (error === null) return null
  return (
    <p className="alert alert-error" role="alert">
      {describeError(error, t, lng)}
    </p>
  )
}
