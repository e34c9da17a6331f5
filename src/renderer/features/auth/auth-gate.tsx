// The sign-in gate: first run creates the admin, then sign-in; a timed-out session asks again on top.
import { useEffect, useState } from 'react'
import type { ReactElement, ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { UserInfo } from '../../../shared/api'
import { ErrorAlert } from '../../components/error-alert'
import { onSessionLost } from '../../lib/session'
import { useApiMutation, useApiQuery } from '../../lib/use-api'
import { FirstRunPage, SignInPage } from '../backup/auth-pages'
import { UnlockScreen } from '../backup/unlock-screen'
import { SetupForm, SignInForm } from './sign-in-form'
import { UserContext } from './user-context'

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
      <div className="auth-page">
        <ErrorAlert error={query.error} />
      </div>
    )
  if (!status) return <p className="muted auth-page">{t('overview.loading')}</p>
  if (status.setupNeeded)
    return (
      <div className="auth-page">
        <FirstRunPage onRestored={query.reload}>
          <SetupForm onDone={signedIn} />
        </FirstRunPage>
      </div>
    )
  if (!status.user)
    return (
      <div className="auth-page">
        <SignInPage>
          <SignInForm onSignedIn={signedIn} />
        </SignInPage>
      </div>
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
