// Step 1: the kind of data, the file (dialog or upload) and an optional saved column profile.
import { useId } from 'react'
import type { ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import type { Profile } from '../../../shared/api'
import { SOURCE_KINDS, type SourceKind } from '../../../shared/fields'
import { FilePicker } from '../../components/file-picker'
import type { PickedFile } from '../../lib/pick-file'
import { StepTitle } from './import-steps'

function isKind(value: string): value is SourceKind {
  return (SOURCE_KINDS as readonly string[]).includes(value)
}

export function SourcePanel({
  kind,
  file,
  profile,
  profiles,
  disabled,
  onKind,
  onFile,
  onProfile,
  onError
}: {
  kind: SourceKind | null
  file: PickedFile | null
  profile: string | null
  /** Saved profiles of the chosen kind. */
  profiles: Profile[]
  disabled: boolean
  onKind: (kind: SourceKind) => void
  onFile: (file: PickedFile) => void
  onProfile: (name: string | null) => void
  onError: (err: unknown) => void
}): ReactElement {
  const { t } = useTranslation()
  const id = useId()
  return (
    <section className="panel import-step" aria-labelledby={`${id}-title`}>
      <StepTitle step="source" id={`${id}-title`} />
      <div className="source-row">
        <div className="field">
          <label className="field-label" htmlFor={`${id}-kind`}>
            {t('import.kind')}
          </label>
          <select
            id={`${id}-kind`}
            value={kind ?? ''}
            disabled={disabled}
            onChange={(e) => {
              if (isKind(e.target.value)) onKind(e.target.value)
            }}
          >
            <option value="" disabled>
              {t('import.kindChoose')}
            </option>
            {SOURCE_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`kinds.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field" role="group" aria-labelledby={`${id}-file`}>
          <span className="field-label" id={`${id}-file`}>
            {t('import.file')}
          </span>
          <div className="file-row">
            <FilePicker
              label={file ? t('import.pickAnother') : t('import.pick')}
              disabled={disabled}
              onPicked={onFile}
              onError={onError}
            />
            <span className={file ? 'file-name' : 'file-name muted'} data-testid="picked-file">
              {file ? file.name : t('import.noFile')}
            </span>
          </div>
          <span className="field-hint">{t('import.accepted')}</span>
        </div>
        <div className="field">
          <label className="field-label" htmlFor={`${id}-profile`}>
            {t('import.profile')}
          </label>
          <select
            id={`${id}-profile`}
            value={profile ?? ''}
            disabled={disabled || kind === null || profiles.length === 0}
            onChange={(e) => onProfile(e.target.value === '' ? null : e.target.value)}
          >
            <option value="">
              {profiles.length === 0 ? t('import.profileNoneSaved') : t('import.profileNone')}
            </option>
            {profiles.map((p) => (
              <option key={p.name} value={p.name}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
      </div>
      {!file && <p className="muted">{t('import.hint')}</p>}
    </section>
  )
}
