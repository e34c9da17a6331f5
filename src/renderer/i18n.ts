// The renderer's i18next instance: the shared catalog, Vietnamese by default, the choice kept in localStorage.
import i18next from 'i18next'
import { initReactI18next, useTranslation } from 'react-i18next'
import { LANGUAGES, resources, type Language } from '../shared/i18n'

const LANG_KEY = 'doisoat.lang'

function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value)
}

export function storedLanguage(): Language {
  try {
    const saved = localStorage.getItem(LANG_KEY)
    return isLanguage(saved) ? saved : 'vi'
  } catch {
    return 'vi'
  }
}

export const i18n = i18next.createInstance()
void i18n.use(initReactI18next).init({
  lng: storedLanguage(),
  fallbackLng: 'vi',
  supportedLngs: [...LANGUAGES],
  resources,
  initAsync: false,
  interpolation: { escapeValue: false }
})
document.documentElement.lang = i18n.language

export async function setLanguage(lng: Language): Promise<void> {
  try {
    localStorage.setItem(LANG_KEY, lng)
  } catch {
    // Private mode or a full quota: the switch still works for this session.
  }
  document.documentElement.lang = lng
  await i18n.changeLanguage(lng)
}

/** The current language, narrowed to the ones the catalog has. */
export function useLanguage(): Language {
  const { i18n: instance } = useTranslation()
  return isLanguage(instance.resolvedLanguage) ? instance.resolvedLanguage : 'vi'
}

/** Number formatting that follows the UI language (2.000 in Vietnamese, 2,000 in English). */
export function formatNumber(n: number, lng: Language): string {
  return new Intl.NumberFormat(lng === 'vi' ? 'vi-VN' : 'en-US').format(n)
}
