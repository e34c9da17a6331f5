// The shell: header with the language switch, the left navigation, and the current screen.
import { useState } from 'react'
import type { ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import { LanguageSwitch } from './components/language-switch'
import { ApproveScreen } from './features/approve/approve-screen'
import { ImportScreen } from './features/import/import-screen'
import { MatchScreen } from './features/match/match-screen'
import { OverviewScreen } from './features/overview/overview-screen'
import { ReportsScreen } from './features/reports/reports-screen'
import { SettingsScreen } from './features/settings/settings-screen'
import { SyncScreen } from './features/sync/sync-screen'

export const SCREENS = [
  'overview',
  'import',
  'match',
  'approve',
  'sync',
  'reports',
  'settings'
] as const
export type Screen = (typeof SCREENS)[number]

const VIEWS: Record<Screen, () => ReactElement> = {
  overview: OverviewScreen,
  import: ImportScreen,
  match: MatchScreen,
  approve: ApproveScreen,
  sync: SyncScreen,
  reports: ReportsScreen,
  settings: SettingsScreen
}

export function App(): ReactElement {
  const { t } = useTranslation()
  const [screen, setScreen] = useState<Screen>('overview')
  const View = VIEWS[screen]
  return (
    <div className="shell">
      <header className="shell-header">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            ĐS
          </span>
          <div>
            <div className="brand-title">{t('app.title')}</div>
            <div className="brand-subtitle">{t('app.subtitle')}</div>
          </div>
        </div>
        <LanguageSwitch />
      </header>
      <nav className="shell-nav" aria-label={t('nav.label')}>
        <ul>
          {SCREENS.map((s) => (
            <li key={s}>
              <button
                type="button"
                className="nav-item"
                aria-current={s === screen ? 'page' : undefined}
                onClick={() => setScreen(s)}
              >
                {t(`nav.${s}`)}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <main className="shell-main">
        <View />
      </main>
    </div>
  )
}
