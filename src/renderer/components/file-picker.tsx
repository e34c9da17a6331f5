// The "choose a file" control: a button opening the system dialog in Electron, a file input that uploads in web mode.
import { useState } from 'react'
import type { ChangeEvent, ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import { ACCEPT_ATTRIBUTE, pickMode, picked, uploadPicked, type PickedFile } from '../lib/pick-file'
import { useApiMutation } from '../lib/use-api'
import './file-picker.css'

export function FilePicker({
  label,
  disabled = false,
  onPicked,
  onError,
  accept = ACCEPT_ATTRIBUTE
}: {
  label: string
  /** For <input accept>; the importer's file types unless given. */
  accept?: string
  disabled?: boolean
  onPicked: (file: PickedFile) => void
  onError: (err: unknown) => void
}): ReactElement {
  const { t } = useTranslation()
  const [busy, setBusy] = useState(false)
  const dialog = useApiMutation('dialog/openFile')
  const mode = pickMode()

  function settle(pending: Promise<PickedFile | null>): void {
    setBusy(true)
    pending
      .then((file) => {
        if (file) onPicked(file)
      }, onError)
      .finally(() => setBusy(false))
  }

  if (mode === 'dialog') {
    return (
      <button
        type="button"
        className="button"
        disabled={disabled || busy}
        onClick={() => settle(dialog.run({}).then(picked))}
      >
        {label}
      </button>
    )
  }

  function chosen(event: ChangeEvent<HTMLInputElement>): void {
    const file = event.target.files?.[0]
    // Cleared, so choosing the same file again is still a change.
    event.target.value = ''
    if (file) settle(uploadPicked(file))
  }

  return (
    <label className={disabled || busy ? 'button file-button is-disabled' : 'button file-button'}>
      <input
        type="file"
        className="visually-hidden"
        accept={accept}
        disabled={disabled || busy}
        onChange={chosen}
        data-testid="file-input"
      />
      <span aria-live="polite">{busy ? t('import.uploading') : label}</span>
    </label>
  )
}
