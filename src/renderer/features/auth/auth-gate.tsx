// The sign-in gate: first run creates the admin, then sign-in; a timed-out session asks again on top.
// Both pages carry the app's name and the language switch.
import { useEffect, useState } from 'react'
import type { ReactElement, ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { UserInfo } from '../../../shared/api'
import { Brand } from '../../components/brand'
import { ErrorAlert } from '../../components/error-alert'
import { LanguageSwitch } from '../../components/language-switch'
import { onSessionLost } from '../../lib/session'
import { useApiMutation, useApiQuery } from '../../lib/use-api'
import { FirstRunPage, SignInPage } from '../backup/auth-pages'
import { UnlockScreen } from '../backup/unlock-screen'
import { SetupForm, SignInForm } from './sign-in-form'
import { UserContext } from './user-context'

/** A page before anyone is signed in: the app's name, the language switch, then the form. */
function AuthPage({ children }: { children: ReactNode }): ReactElement {
  return (
    <div className="auth-page">
      <header className="auth-header">
        <Brand />
        <LanguageSwitch />
      </header>
      <main className="auth-main">{children}</main>
    </div>
  )
}

export function AuthGate({ children }: { children: ReactNode }): ReactElement {
  const { t } = useTranslation()
  const query = useApiQuery('auth/status', {})
  const logout = useApiMutation('auth/logout')
  const [expired, setExpired] = useState(false)
  useEffect(() => onSessionLost(() => setExpired(true)), [])

  const status = query.data
  const signedIn = (user: UserInfo): void => {
    setExpired(false)
    if (status) query.set({ ...status, setupNeeded: false, user })
  }
  const signOut = (): void => {
    void logout.run({}).finally(() => {
      setExpired(false)
      if (status) query.set({ ...status, user: null })
    })
  }

  // A locked start (keychain lost, key file damaged): the recovery key or the passphrase first.
  if ((query.error as { code?: unknown } | null)?.code === 'recovery_needed')
    return <UnlockScreen onUnlocked={query.reload} />
  if (query.error !== null)
    return (
      <AuthPage>
        <ErrorAlert error={query.error} />
      </AuthPage>
    )
  if (!status)
    return (
      <AuthPage>
        <p className="muted">{t('overview.loading')}</p>
      </AuthPage>
    )
  if (status.setupNeeded)
    return (
      <AuthPage>
        <FirstRunPage onRestored={query.reload}>
          <SetupForm onDone={signedIn} />
        </FirstRunPage>
      </AuthPage>
    )
  if (!status.user)
    return (
      <AuthPage>
        <SignInPage>
          <SignInForm onSignedIn={signedIn} />
        </SignInPage>
      </AuthPage>
    )
  const user = status.user
  return (
    <UserContext.Provider value={{ user, signOut }}>
      {/* The same user comes back to the same screen; another user starts afresh. */}
      <div key={user.username} inert={expired || undefined}>
        {children}
      </div>
      {expired && (
        <div
          className="auth-overlay"
          role="dialog"
          aria-modal="true"
          aria-labelledby="signin-title"
        >
          <SignInForm
            notice={t('auth.expired', { minutes: status.sessionMinutes })}
            fixedUser={user.username}
            onSignedIn={signedIn}
          />
        </div>
      )}
    </UserContext.Provider>
  )
}
