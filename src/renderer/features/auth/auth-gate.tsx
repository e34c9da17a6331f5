// The sign-in gate: first run creates the admin, then sign-in; a timed-out session asks again on top.
import { useCallback, useEffect, useState } from 'react'
import type { ReactElement, ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { AuthStatus, UserInfo } from '../../../shared/api'
import { ErrorAlert } from '../../components/error-alert'
import { api } from '../../lib/api'
import { onSessionLost } from '../../lib/session'
import { SetupForm, SignInForm } from './sign-in-form'
import { UserContext } from './user-context'

export function AuthGate({ children }: { children: ReactNode }): ReactElement {
  const { t } = useTranslation()
  const [status, setStatus] = useState<AuthStatus | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [expired, setExpired] = useState(false)

  const load = useCallback(() => {
    api.call('auth/status', {}).then(setStatus, setError)
  }, [])
  useEffect(load, [load])
  useEffect(() => onSessionLost(() => setExpired(true)), [])

  const signedIn = (user: UserInfo): void => {
    setExpired(false)
    setStatus((s) => (s ? { ...s, setupNeeded: false, user } : s))
  }
  const signOut = (): void => {
    void api.call('auth/logout', {}).finally(() => {
      setExpired(false)
      setStatus((s) => (s ? { ...s, user: null } : s))
    })
  }

  if (error !== null)
    return (
      <div className="auth-page">
        <ErrorAlert error={error} />
      </div>
    )
  if (!status) return <p className="muted auth-page">{t('overview.loading')}</p>
  if (status.setupNeeded)
    return (
      <div className="auth-page">
        <SetupForm onDone={signedIn} />
      </div>
    )
  if (!status.user)
    return (
      <div className="auth-page">
        <SignInForm onSignedIn={signedIn} />
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
