// An admin gives a clerk or supervisor a new password (Cài đặt → Người dùng). Their signing key is
// replaced, so the answer says where the new public key must be trusted again, with the new key to
// copy or save; approvals signed with the old key stay valid.
import { useState } from 'react'
import type { TFunction } from 'i18next'
import type { ReactElement } from 'react'
import { NewPasswordInputs } from '../../components/text-input'
import { useTranslation } from 'react-i18next'
import type { PasswordResetResult, UserInfo } from '../../../shared/api'
import { ErrorAlert } from '../../components/error-alert'
import { downloadBase64 } from '../../lib/download'
import { useApiMutation } from '../../lib/use-api'
import './backup.css'

const grouped = (fp: string): string => (fp.match(/.{1,4}/g) ?? []).join(' ')

function toBase64(text: string): string {
  let binary = ''
  for (const b of new TextEncoder().encode(text)) binary += String.fromCharCode(b)
  return btoa(binary)
}

/** The new key as a text file for the other machines' admins and the gateway's operator. */
export function publicKeyFile(
  r: PasswordResetResult,
  t: TFunction
): { fileName: string; text: string } {
  const text = [
    t('backup.newKey.fileTitle'),
    t('backup.newKey.fileUser', {
      name: r.user.displayName,
      username: r.user.username,
      role: t(`auth.roles.${r.user.role}`)
    }),
    t('backup.newKey.fileFingerprint', { fingerprint: grouped(r.user.fingerprint) }),
    t('backup.newKey.filePublicKey'),
    r.user.publicKey,
    t('backup.newKey.fileOld', { fingerprint: grouped(r.oldFingerprint) }),
    ''
  ].join('\n')
  return { fileName: `khoa-cong-khai-${r.user.username}.txt`, text }
}

/** Where the new public key must be registered again, and the key itself to copy or save. */
export function NewKeyNotice({ result }: { result: PasswordResetResult }): ReactElement {
  const { t } = useTranslation()
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null)
  const fp = grouped(result.user.fingerprint)
  const copy = (): void => {
    navigator.clipboard.writeText(fp).then(
      () => setCopied('yes'),
      () => setCopied('no')
    )
  }
  const save = (): void => {
    const file = publicKeyFile(result, t)
    downloadBase64({ fileName: file.fileName, mime: 'text/plain', base64: toBase64(file.text) })
  }
  return (
    <div className="new-key" data-testid="new-key">
      <p>{t('backup.newKey.replaced')}</p>
      <p className="new-key-fp">
        <span>{t('backup.newKey.fingerprint')}</span>{' '}
        <span className="cell-mono" data-testid="new-fingerprint">
          {fp}
        </span>
      </p>
      <div className="actions">
        <button type="button" className="button" onClick={copy}>
          {t('backup.newKey.copy')}
        </button>
        <button type="button" className="button" onClick={save}>
          {t('backup.newKey.save')}
        </button>
        {copied && (
          <span role="status" className="muted">
            {copied === 'yes' ? t('backup.newKey.copied') : t('backup.newKey.copyFailed')}
          </span>
        )}
      </div>
      {result.retrust.length === 0 ? (
        <p className="muted">{t('backup.newKey.nowhere')}</p>
      ) : (
        <>
          <p>{t('backup.newKey.where')}</p>
          <ul className="retrust-list" data-testid="retrust">
            {result.retrust.map((p) => (
              <li key={p}>{t(`backup.retrust.${p}`)}</li>
            ))}
          </ul>
        </>
      )}
      <p className="muted">
        {t('backup.newKey.oldStays', { fingerprint: grouped(result.oldFingerprint).slice(0, 19) })}
      </p>
    </div>
  )
}

/** Below the users table: the new password for one user, then what to do with their new key. */
export function ResetPasswordPanel({
  user,
  onClose
}: {
  user: UserInfo
  onClose: () => void
}): ReactElement {
  const { t } = useTranslation()
  const [password, setPassword] = useState('')
  const [again, setAgain] = useState('')
  const [mismatch, setMismatch] = useState(false)
  const [done, setDone] = useState<PasswordResetResult | null>(null)
  const reset = useApiMutation('users/resetPassword', { invalidates: ['users/list'] })
  const submit = (): void => {
    setMismatch(password !== again)
    if (password === again)
      reset.mutate({ username: user.username, newPassword: password }, setDone)
  }
  return (
    <section className="reset-panel" aria-labelledby="reset-title" data-testid="reset-panel">
      <h3 id="reset-title" className="subhead">
        {t('backup.reset.title', { name: user.displayName })}
      </h3>
      {done ? (
        <>
          <p role="status">{t('backup.reset.done', { name: done.user.displayName })}</p>
          <NewKeyNotice result={done} />
          <div className="actions">
            <button type="button" className="button" onClick={onClose}>
              {t('backup.reset.close')}
            </button>
          </div>
        </>
      ) : (
        <form
          className="reset-form"
          onSubmit={(e) => {
            e.preventDefault()
            submit()
          }}
        >
          <p className="muted">{t('backup.reset.body')}</p>
          <NewPasswordInputs
            label={t('settings.newPassword')}
            password={password}
            again={again}
            onPassword={setPassword}
            onAgain={setAgain}
          />
          <div className="actions">
            <button type="submit" className="button button-primary" disabled={reset.busy}>
              {t('backup.reset.submit')}
            </button>
            <button type="button" className="button" onClick={onClose}>
              {t('backup.reset.cancel')}
            </button>
          </div>
          {mismatch && (
            <p className="alert alert-error" role="alert">
              {t('auth.mismatch')}
            </p>
          )}
          <ErrorAlert error={reset.error} />
        </form>
      )}
    </section>
  )
}
