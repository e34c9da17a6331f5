// "Quên mật khẩu" on the sign-in screen: a clerk or supervisor asks the admin; an admin proves
// control of the data with the recovery key and sets a new password (and so a new signing key).
import { useState } from 'react'
import type { ReactElement } from 'react'
import { NewPasswordInputs } from '../../components/text-input'
import { useTranslation } from 'react-i18next'
import type { PasswordResetResult } from '../../../shared/api'
import { ErrorAlert } from '../../components/error-alert'
import { useApiMutation } from '../../lib/use-api'
import { EMPTY_GROUPS, RecoveryKeyInput, recoveryKeyOf } from './recovery-key-input'
import { NewKeyNotice } from './reset-password'
import './backup.css'

export function ForgotPassword({ onBack }: { onBack: () => void }): ReactElement {
  const { t } = useTranslation()
  const [username, setUsername] = useState('')
  const [groups, setGroups] = useState<string[]>([...EMPTY_GROUPS])
  const [password, setPassword] = useState('')
  const [again, setAgain] = useState('')
  const [tried, setTried] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const [done, setDone] = useState<PasswordResetResult | null>(null)
  const recover = useApiMutation('auth/recoverAdmin')

  function submit(): void {
    setTried(true)
    setProblem(null)
    const key = recoveryKeyOf(groups)
    if (!key.complete) return setProblem(t('backup.key.notComplete'))
    if (password !== again) return setProblem(t('auth.mismatch'))
    recover.mutate({ username, recoveryKey: key.canonical!, newPassword: password }, setDone)
  }

  if (done)
    return (
      <section className="panel forgot-form" aria-labelledby="forgot-title">
        <h2 id="forgot-title" className="panel-title">
          {t('backup.forgot.doneTitle')}
        </h2>
        <p role="status">{t('backup.forgot.done', { name: done.user.displayName })}</p>
        <NewKeyNotice result={done} />
        <div className="actions">
          <button type="button" className="button button-primary" onClick={onBack}>
            {t('backup.forgot.signIn')}
          </button>
        </div>
      </section>
    )

  return (
    <form
      className="panel forgot-form"
      aria-labelledby="forgot-title"
      onSubmit={(e) => {
        e.preventDefault()
        submit()
      }}
    >
      <h2 id="forgot-title" className="panel-title">
        {t('backup.forgot.title')}
      </h2>
      <p className="alert alert-info">{t('backup.forgot.others')}</p>
      <p className="muted">{t('backup.forgot.admin')}</p>
      <label className="field">
        <span>{t('backup.forgot.username')}</span>
        <input
          value={username}
          onChange={(e) => setUsername(e.target.value)}
          autoComplete="username"
          required
        />
      </label>
      <RecoveryKeyInput groups={groups} onChange={setGroups} showIncomplete={tried} />
      <NewPasswordInputs
        label={t('settings.newPassword')}
        password={password}
        again={again}
        onPassword={setPassword}
        onAgain={setAgain}
      />
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={recover.busy}>
          {t('backup.forgot.submit')}
        </button>
        <button type="button" className="button" onClick={onBack}>
          {t('backup.forgot.back')}
        </button>
      </div>
      {problem !== null && (
        <p className="alert alert-error" role="alert">
          {problem}
        </p>
      )}
      <ErrorAlert error={problem === null ? recover.error : null} />
    </form>
  )
}
