// The interface languages: Vietnamese first (the default), English as the switch.

export const LANGUAGES = ['vi', 'en'] as const
export type Language = (typeof LANGUAGES)[number]
