// One i18n library (i18next) for every host; Vietnamese by default, English as the switch.
import i18next, { type i18n } from 'i18next'
import { vi } from './vi'
import { en } from './en'
import type { ApiErrorShape, ErrorCode } from '../errors'
import type { Language } from './languages'

export { LANGUAGES, type Language } from './languages'

export const resources = { vi: { translation: vi }, en: { translation: en } }

/** A ready i18next instance (synchronous init: resources are bundled). */
export function createI18n(lng: Language = 'vi'): i18n {
  const instance = i18next.createInstance()
  void instance.init({
    lng,
    fallbackLng: 'vi',
    resources,
    initAsync: false,
    interpolation: { escapeValue: false }
  })
  return instance
}

const shared = { vi: createI18n('vi'), en: createI18n('en') }

/** Translate a key outside React (backend messages, CLI). */
export function tr(
  key: string,
  params: Record<string, unknown> = {},
  lng: Language = 'vi'
): string {
  return shared[lng].t(key, params)
}

/** Render an API error in a language: from its code and params, so the text is never stale. */
export function errorText(
  error: Pick<ApiErrorShape, 'code' | 'params' | 'message'>,
  lng: Language
): string {
  const key = `errors.${error.code satisfies ErrorCode}`
  const text = shared[lng].t(key, error.params ?? {})
  return text === key ? error.message : text
}
