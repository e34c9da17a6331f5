// A locked start: the keychain lost the key (a reinstall, another machine), the key file is
// damaged, or the keychain is no real secret store (Linux without one). The recovery key from
// paper, or the passphrase, opens the data; a wrong one is refused and nothing changes.
import { useState } from 'react'
import type { ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import { useLanguage } from '../../i18n'
import { describeError } from '../../lib/error-text'
import { useApiMutation, useApiQuery } from '../../lib/use-api'
import { NewPassphraseFields, newPassphraseProblem } from './fields'
import { EMPTY_GROUPS, RecoveryKeyInput, recoveryKeyOf } from './recovery-key-input'
import './backup.css'

type With = 'recovery' | 'passphrase'

export function UnlockScreen({ onUnlocked }: { onUnlocked: () => void }): ReactElement {
  const { t } = useTranslation()
  const lng = useLanguage()
  const status = useApiQuery('keys/status', {})
  // Where the key lives under a passphrase, that passphrase is what opens it day to day.
  const store = status.data?.store
  const [chosen, setWith] = useState<With | null>(null)
  const using: With = chosen ?? (store === 'passphrase' ? 'passphrase' : 'recovery')
  const [groups, setGroups] = useState<string[]>([...EMPTY_GROUPS])
  const [passphrase, setPassphrase] = useState('')
  const [newPassphrase, setNew] = useState('')
  const [again, setAgain] = useState('')
  const [tried, setTried] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const unlock = useApiMutation('keys/unlock')

  function submit(): void {
    setTried(true)
    setProblem(null)
    if (using === 'passphrase') {
      if (passphrase === '') return setProblem(t('backup.unlock.noPassphrase'))
      return unlock.mutate({ passphrase }, onUnlocked)
    }
    const key = recoveryKeyOf(groups)
    if (!key.complete) return setProblem(t('backup.key.notComplete'))
    const fresh = store === 'passphrase' && (newPassphrase !== '' || again !== '')
    if (fresh) {
      const bad = newPassphraseProblem(newPassphrase, again, t)
      if (bad) return setProblem(bad)
    }
    unlock.mutate({ recoveryKey: key.canonical!, ...(fresh ? { newPassphrase } : {}) }, onUnlocked)
  }

  const code = (unlock.error as { code?: unknown } | null)?.code
  const failed =
    problem ??
    (unlock.error === null
      ? null
      : code === 'passphrase_required'
        ? t('backup.unlock.needNewPassphrase')
        : code === 'db_wrong_key'
          ? t('backup.unlock.wrongPassphrase')
          : describeError(unlock.error, t, lng))

  return (
    <div className="auth-page">
      <form
        className="panel unlock-form"
        aria-labelledby="unlock-title"
        onSubmit={(e) => {
          e.preventDefault()
          submit()
        }}
      >
        <h2 id="unlock-title" className="panel-title">
          {t('backup.unlock.title')}
        </h2>
        <p>
          {store === 'passphrase' ? t('backup.unlock.bodyPassphrase') : t('backup.unlock.body')}
        </p>
        <div className="segmented" role="group" aria-label={t('backup.restore.openWith')}>
          {(['recovery', 'passphrase'] as const).map((k) => (
            <button
              key={k}
              type="button"
              aria-pressed={using === k}
              onClick={() => {
                setWith(k)
                setTried(false)
                setProblem(null)
              }}
            >
              {t(`backup.unlock.with.${k}`)}
            </button>
          ))}
        </div>
        {using === 'recovery' ? (
          <>
            <RecoveryKeyInput
              groups={groups}
              onChange={setGroups}
              showIncomplete={tried}
              autoFocus
            />
            {store === 'passphrase' && (
              <NewPassphraseFields
                value={newPassphrase}
                again={again}
                onChange={setNew}
                onAgain={setAgain}
                hint={t('backup.unlock.newPassphraseHint')}
              />
            )}
          </>
        ) : (
          <label className="field">
            <span>{t('backup.unlock.passphrase')}</span>
            <input
              type="password"
              value={passphrase}
              onChange={(e) => setPassphrase(e.target.value)}
              autoComplete="current-password"
              autoFocus
            />
          </label>
        )}
        <div className="actions">
          <button type="submit" className="button button-primary" disabled={unlock.busy}>
            {unlock.busy ? t('backup.unlock.checking') : t('backup.unlock.submit')}
          </button>
        </div>
        {failed !== null && (
          <p className="alert alert-error" role="alert">
            {failed}
          </p>
        )}
        <p className="field-hint">{t('backup.unlock.nothingChanged')}</p>
      </form>
    </div>
  )
}
