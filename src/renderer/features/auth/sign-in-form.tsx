// The sign-in form (also the re-login after a session timeout) and the first-run admin form.
import { useState } from 'react'
import type { FormEvent, ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import type { UserInfo } from '../../../shared/api'
import { useLanguage } from '../../i18n'
import { api } from '../../lib/api'
import { describeError } from '../../lib/error-text'

export function SignInForm({
  notice,
  fixedUser,
  onSignedIn
}: {
  notice?: string
  /** Re-login after a timeout: the same user, only the password. */
  fixedUser?: string
  onSignedIn: (user: UserInfo) => void
}): ReactElement {
  const { t } = useTranslation()
  const lng = useLanguage()
  const [username, setUsername] = useState(fixedUser ?? '')
  const [password, setPassword] = useState('')
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)

  function submit(e: FormEvent): void {
    e.preventDefault()
    setBusy(true)
    setError(null)
    api
      .call('auth/login', { username, password })
      .then((r) => onSignedIn(r.user), setError)
      .finally(() => setBusy(false))
  }

  return (
    <form className="panel auth-form" onSubmit={submit} aria-labelledby="signin-title">
      <h2 id="signin-title" className="panel-title">
        {t('auth.signInTitle')}
      </h2>
      {notice && (
        <p className="alert alert-info" role="status">
          {notice}
        </p>
      )}
      <label className="field">
        <span>{t('auth.username')}</span>
        <input
          value={username}
          onChange={(e) => setUsername(e.target.value)}
          autoComplete="username"
          readOnly={fixedUser !== undefined}
          required
        />
      </label>
      <label className="field">
        <span>{t('auth.password')}</span>
        <input
          type="password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          autoComplete="current-password"
          required
        />
      </label>
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {t('auth.signIn')}
        </button>
      </div>
      {error !== null && (
        <p className="alert alert-error" role="alert">
          {describeError(error, t, lng)}
        </p>
      )}
    </form>
  )
}

export function SetupForm({ onDone }: { onDone: (user: UserInfo) => void }): ReactElement {
  const { t } = useTranslation()
  const lng = useLanguage()
  const [username, setUsername] = useState('')
  const [displayName, setDisplayName] = useState('')
  const [password, setPassword] = useState('')
  const [confirm, setConfirm] = useState('')
  const [error, setError] = useState<unknown>(null)
  const [mismatch, setMismatch] = useState(false)
  const [busy, setBusy] = useState(false)

  function submit(e: FormEvent): void {
    e.preventDefault()
    setMismatch(password !== confirm)
    if (password !== confirm) return
    setBusy(true)
    setError(null)
    api
      .call('auth/setup', { username, displayName, password })
      .then((r) => onDone(r.user), setError)
      .finally(() => setBusy(false))
  }

  return (
    <form className="panel auth-form" onSubmit={submit} aria-labelledby="setup-title">
      <h2 id="setup-title" className="panel-title">
        {t('auth.setupTitle')}
      </h2>
      <p className="muted">{t('auth.setupBody')}</p>
      <label className="field">
        <span>{t('auth.username')}</span>
        <input value={username} onChange={(e) => setUsername(e.target.value)} required />
      </label>
      <label className="field">
        <span>{t('auth.displayName')}</span>
        <input value={displayName} onChange={(e) => setDisplayName(e.target.value)} required />
      </label>
      <label className="field">
        <span>{t('auth.password')}</span>
        <input
          type="password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          autoComplete="new-password"
          required
        />
      </label>
      <label className="field">
        <span>{t('auth.confirmPassword')}</span>
        <input
          type="password"
          value={confirm}
          onChange={(e) => setConfirm(e.target.value)}
          autoComplete="new-password"
          required
        />
      </label>
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {t('auth.createAdmin')}
        </button>
      </div>
      {mismatch && (
        <p className="alert alert-error" role="alert">
          {t('auth.mismatch')}
        </p>
      )}
      {error !== null && (
        <p className="alert alert-error" role="alert">
          {describeError(error, t, lng)}
        </p>
      )}
    </form>
  )
}
