// The sign-in form (also the re-login after a session timeout) and the first-run admin form.
import { useState } from 'react'
import type { ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import type { UserInfo } from '../../../shared/api'
import { PanelForm } from '../../components/panel-form'
import { LabelledInput } from '../../components/text-input'
import { api } from '../../lib/api'

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
  const [username, setUsername] = useState(fixedUser ?? '')
  const [password, setPassword] = useState('')
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)

  function submit(): void {
    setBusy(true)
    setError(null)
    api
      .call('auth/login', { username, password })
      .then((r) => onSignedIn(r.user), setError)
      .finally(() => setBusy(false))
  }

  return (
    <PanelForm
      className="auth-form"
      titleId="signin-title"
      title={t('auth.signInTitle')}
      submitLabel={t('auth.signIn')}
      busy={busy}
      onSubmit={submit}
      error={error}
    >
      {notice && (
        <p className="alert alert-info" role="status">
          {notice}
        </p>
      )}
      <LabelledInput
        label={t('auth.username')}
        value={username}
        onChange={setUsername}
        autoComplete="username"
        readOnly={fixedUser !== undefined}
      />
      <LabelledInput
        label={t('auth.password')}
        type="password"
        value={password}
        onChange={setPassword}
        autoComplete="current-password"
      />
    </PanelForm>
  )
}

export function SetupForm({ onDone }: { onDone: (user: UserInfo) => void }): ReactElement {
  const { t } = useTranslation()
  const [username, setUsername] = useState('')
  const [displayName, setDisplayName] = useState('')
  const [password, setPassword] = useState('')
  const [confirm, setConfirm] = useState('')
  const [error, setError] = useState<unknown>(null)
  const [mismatch, setMismatch] = useState(false)
  const [busy, setBusy] = useState(false)

  function submit(): void {
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
    <PanelForm
      className="auth-form"
      titleId="setup-title"
      title={t('auth.setupTitle')}
      submitLabel={t('auth.createAdmin')}
      busy={busy}
      onSubmit={submit}
      messages={
        mismatch && (
          <p className="alert alert-error" role="alert">
            {t('auth.mismatch')}
          </p>
        )
      }
      error={error}
    >
      <p className="muted">{t('auth.setupBody')}</p>
      <LabelledInput label={t('auth.username')} value={username} onChange={setUsername} />
      <LabelledInput label={t('auth.displayName')} value={displayName} onChange={setDisplayName} />
      <LabelledInput
        label={t('auth.password')}
        type="password"
        value={password}
        onChange={setPassword}
        autoComplete="new-password"
      />
      <LabelledInput
        label={t('auth.confirmPassword')}
        type="password"
        value={confirm}
        onChange={setConfirm}
        autoComplete="new-password"
      />
    </PanelForm>
  )
}
