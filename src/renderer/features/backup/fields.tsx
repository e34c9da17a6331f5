// The small inputs of the backup screens: a folder or backup file (the system dialog on the
// desktop, a typed path in web mode), and a new passphrase typed twice.
import { useState } from 'react'
import type { TFunction } from 'i18next'
import type { ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import { MIN_PASSPHRASE_LENGTH } from '../../../shared/api'
import { ErrorAlert } from '../../components/error-alert'
import { pickMode } from '../../lib/pick-file'
import { useApiMutation } from '../../lib/use-api'

/**
 * A path on this machine. The desktop app opens the system's dialog; web mode runs on the same
 * laptop, but a browser cannot hand over a path, so it is typed (or pasted from the file manager).
 */
export function PathField({
  kind,
  label,
  value,
  onChange,
  testId
}: {
  kind: 'folder' | 'backup'
  label: string
  value: string
  onChange: (path: string) => void
  testId?: string
}): ReactElement {
  const { t } = useTranslation()
  const dialog = useApiMutation(kind === 'folder' ? 'dialog/openFolder' : 'dialog/openBackup')
  const [error, setError] = useState<unknown>(null)
  if (pickMode() === 'upload')
    return (
      <label className="field">
        <span>{label}</span>
        <input
          className="path-input"
          value={value}
          onChange={(e) => onChange(e.target.value)}
          placeholder={t(
            kind === 'folder' ? 'backup.path.folderExample' : 'backup.path.fileExample'
          )}
          spellCheck={false}
          autoComplete="off"
          data-testid={testId}
        />
        <span className="field-hint">{t('backup.path.webHint')}</span>
      </label>
    )
  const choose = (): void => {
    setError(null)
    dialog.run({}).then((r) => {
      if (r.path !== null) onChange(r.path)
    }, setError)
  }
  return (
    <div className="field">
      <span>{label}</span>
      <div className="path-chosen">
        <span className="path-text" data-testid={testId}>
          {value || t('backup.path.none')}
        </span>
        <button type="button" className="button" onClick={choose} disabled={dialog.busy}>
          {t(kind === 'folder' ? 'backup.path.chooseFolder' : 'backup.path.chooseFile')}
        </button>
      </div>
      <ErrorAlert error={error} />
    </div>
  )
}

/** Long enough to keep the key, counted as the backend counts it (characters, trimmed). */
export function passphraseLongEnough(p: string): boolean {
  return [...p.normalize('NFC').trim()].length >= MIN_PASSPHRASE_LENGTH
}

/** What is wrong with a new passphrase typed twice; null when it can be used. */
export function newPassphraseProblem(first: string, again: string, t: TFunction): string | null {
  if (!passphraseLongEnough(first))
    return t('backup.passphrase.short', { min: MIN_PASSPHRASE_LENGTH })
  if (first !== again) return t('backup.passphrase.mismatch')
  return null
}

export function NewPassphraseFields({
  value,
  again,
  onChange,
  onAgain,
  hint
}: {
  value: string
  again: string
  onChange: (v: string) => void
  onAgain: (v: string) => void
  hint: string
}): ReactElement {
  const { t } = useTranslation()
  return (
    <div className="passphrase-fields">
      <p className="field-hint">{hint}</p>
      <label className="field">
        <span>{t('backup.passphrase.new', { min: MIN_PASSPHRASE_LENGTH })}</span>
        <input
          type="password"
          value={value}
          onChange={(e) => onChange(e.target.value)}
          autoComplete="new-password"
        />
      </label>
      <label className="field">
        <span>{t('backup.passphrase.again')}</span>
        <input
          type="password"
          value={again}
          onChange={(e) => onAgain(e.target.value)}
          autoComplete="new-password"
        />
      </label>
    </div>
  )
}
