// The shell: header with the language switch, the left navigation, and the current screen.
import { useMemo, useState } from 'react'
import type { ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import { Brand } from './components/brand'
import { LanguageSwitch } from './components/language-switch'
import type { UserRole } from '../shared/api'
import { AuthGate } from './features/auth/auth-gate'
import { useUser } from './features/auth/user-context'
import './features/approve/approve.css'
import { ApproveScreen } from './features/approve/approve-screen'
import { BackupScreen } from './features/backup/backup-screen'
import { ImportScreen } from './features/import/import-screen'
import { MatchScreen } from './features/match/match-screen'
import { OverviewScreen } from './features/overview/overview-screen'
import { ReportsScreen } from './features/reports/reports-screen'
import { SettingsScreen } from './features/settings/settings-screen'
import { SyncScreen } from './features/sync/sync-screen'
import { NavigationContext, type Navigation, type ScreenRequest } from './lib/navigation'
import { TeachScreen } from './features/teach/teach-screen'

export const SCREENS = [
  'overview',
  'import',
  'match',
  'teach',
  'approve',
  'sync',
  'reports',
  'backup',
  'settings'
] as const
export type Screen = (typeof SCREENS)[number]

const VIEWS: Record<Screen, () => ReactElement> = {
  overview: OverviewScreen,
  import: ImportScreen,
  match: MatchScreen,
  teach: TeachScreen,
  approve: ApproveScreen,
  sync: SyncScreen,
  reports: ReportsScreen,
  backup: BackupScreen,
  settings: SettingsScreen
}

/** What each role sees; the backend refuses the rest anyway (src/backend/auth/permissions.ts). */
export const SCREENS_BY_ROLE: Record<UserRole, readonly Screen[]> = {
  clerk: SCREENS,
  supervisor: ['overview', 'match', 'approve', 'sync', 'reports', 'backup', 'settings'],
  admin: ['overview', 'sync', 'reports', 'backup', 'settings']
}

export function App(): ReactElement {
  return (
    <AuthGate>
      <Shell />
    </AuthGate>
  )
}

function Shell(): ReactElement {
  const { t } = useTranslation()
  const { user, signOut } = useUser()
  const [screen, setScreen] = useState<Screen>('overview')
  const [request, setRequest] = useState<ScreenRequest | null>(null)
  const screens = SCREENS_BY_ROLE[user.role]
  const View = VIEWS[screens.includes(screen) ? screen : 'overview']
  const navigation = useMemo<Navigation>(
    () => ({
      open: (next, req) => {
        setRequest(req ?? null)
        setScreen(next)
      },
      request,
      handled: () => setRequest(null)
    }),
    [request]
  )
  return (
    <div className="shell">
      <header className="shell-header">
        <Brand />
        <div className="account">
          <span className="account-name" data-testid="signed-in-user">
            {user.displayName} · {t(`auth.roles.${user.role}`)}
          </span>
          <button type="button" className="button" onClick={signOut}>
            {t('auth.signOut')}
          </button>
          <LanguageSwitch />
        </div>
      </header>
      <nav className="shell-nav" aria-label={t('nav.label')}>
        <ul>
          {screens.map((s) => (
            <li key={s}>
              <button
                type="button"
                className="nav-item"
                aria-current={s === screen ? 'page' : undefined}
                onClick={() => navigation.open(s)}
              >
                {t(`nav.${s}`)}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <main className="shell-main">
        <NavigationContext.Provider value={navigation}>
          <View />
        </NavigationContext.Provider>
      </main>
    </div>
  )
}
