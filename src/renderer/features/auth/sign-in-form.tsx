// The sign-in form (also the re-login after a session timeout) and the first-run admin form.
import { useState } from 'react'
import type { ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import type { UserInfo } from '../../../shared/api'
import { PanelForm } from '../../components/panel-form'
import { LabelledInput, NewPasswordInputs } from '../../components/text-input'
import { useApiMutation } from '../../lib/use-api'

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
  const login = useApiMutation('auth/login')
  const submit = (): void => login.mutate({ username, password }, (r) => onSignedIn(r.user))

  return (
    <PanelForm
      className="auth-form"
      titleId="signin-title"
      title={t('auth.signInTitle')}
      submitLabel={t('auth.signIn')}
      busy={login.busy}
      onSubmit={submit}
      error={login.error}
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
  const [mismatch, setMismatch] = useState(false)
  const setup = useApiMutation('auth/setup')

  function submit(): void {
    setMismatch(password !== confirm)
    if (password === confirm)
      setup.mutate({ username, displayName, password }, (r) => onDone(r.user))
  }

  return (
    <PanelForm
      className="auth-form"
      titleId="setup-title"
      title={t('auth.setupTitle')}
      submitLabel={t('auth.createAdmin')}
      busy={setup.busy}
      onSubmit={submit}
      messages={
        mismatch && (
          <p className="alert alert-error" role="alert">
            {t('auth.mismatch')}
          </p>
        )
      }
      error={setup.error}
    >
      <p className="muted">{t('auth.setupBody')}</p>
      <LabelledInput label={t('auth.username')} value={username} onChange={setUsername} />
      <LabelledInput label={t('auth.displayName')} value={displayName} onChange={setDisplayName} />
      <NewPasswordInputs
        label={t('auth.password')}
        password={password}
        again={confirm}
        onPassword={setPassword}
        onAgain={setConfirm}
      />
    </PanelForm>
  )
}
