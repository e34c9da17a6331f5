// The ways back in beside the sign-in gate's forms: "Khôi phục từ bản sao lưu" next to creating the
// first admin (a new laptop), and "Quên mật khẩu?" under signing in.
import { useState } from 'react'
import type { ReactElement, ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { ForgotPassword } from './forgot-password'
import { RestoreFlow } from './restore-flow'
import './backup.css'

/** First run: create the admin (the form given), or bring a backup and its recovery key. */
export function FirstRunPage({
  children,
  onRestored
}: {
  children: ReactNode
  /** The restored data has its own accounts: the gate asks again who may sign in. */
  onRestored: () => void
}): ReactElement {
  const { t } = useTranslation()
  const [restoring, setRestoring] = useState(false)
  if (restoring)
    return (
      <div className="auth-wide">
        <RestoreFlow mode="firstRun" onRestored={onRestored} onCancel={() => setRestoring(false)} />
      </div>
    )
  return (
    <div className="first-run">
      {children}
      <section className="panel first-run-restore" aria-labelledby="new-laptop-title">
        <h2 id="new-laptop-title" className="panel-title">
          {t('backup.firstRun.title')}
        </h2>
        <p className="muted">{t('backup.firstRun.body')}</p>
        <div className="actions">
          <button type="button" className="button" onClick={() => setRestoring(true)}>
            {t('backup.firstRun.restore')}
          </button>
        </div>
      </section>
    </div>
  )
}

/** Signing in (the form given), with the way back for a forgotten password under it. */
export function SignInPage({ children }: { children: ReactNode }): ReactElement {
  const { t } = useTranslation()
  const [forgot, setForgot] = useState(false)
  if (forgot) return <ForgotPassword onBack={() => setForgot(false)} />
  return (
    <div className="sign-in-stack">
      {children}
      <button type="button" className="link-button" onClick={() => setForgot(true)}>
        {t('backup.forgot.link')}
      </button>
    </div>
  )
}
