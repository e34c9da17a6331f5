// The admin's sync set-up, in steps and without a terminal: the gateway address and commune; the
// workstation's registration from the operator's file (chosen or pasted) or registered here with
// an operator token; the supervisors' signing keys as a file for the operator, or registered with
// the same token; then the connection test at the top of the screen.
import { useId, useState } from 'react'
import type { ChangeEvent, FormEvent, ReactElement, ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { SyncStatus } from '../../../shared/api'
import { parseRegistration, supervisorKeysText } from '../../../core/sync/registration'
import { ErrorAlert } from '../../components/error-alert'
import { downloadBase64 } from '../../lib/download'
import { useApiMutation, useApiQuery } from '../../lib/use-api'

const group = (fp: string): string => (fp.match(/.{1,4}/g) ?? []).join(' ')

const utf8Base64 = (text: string): string => {
  let binary = ''
  for (const b of new TextEncoder().encode(text)) binary += String.fromCharCode(b)
  return btoa(binary)
}

function Field({
  label,
  value,
  onChange,
  type = 'text',
  hint
}: {
  label: string
  value: string
  onChange: (v: string) => void
  type?: string
  hint?: string
}): ReactElement {
  const hintId = useId()
  return (
    <div className="setup-field">
      <label>
        <span>{label}</span>
        <input
          type={type}
          value={value}
          autoComplete="off"
          spellCheck={false}
          aria-describedby={hint ? hintId : undefined}
          onChange={(e) => onChange(e.target.value)}
        />
      </label>
      {hint && (
        <span id={hintId} className="muted small">
          {hint}
        </span>
      )}
    </div>
  )
}

function Step({ title, children }: { title: string; children: ReactNode }): ReactElement {
  return (
    <fieldset className="setup-step">
      <legend>{title}</legend>
      {children}
    </fieldset>
  )
}

/** A line under a step: what just happened, or what is missing. */
function Note({
  text,
  kind
}: {
  text: string | null
  kind: 'info' | 'error'
}): ReactElement | null {
  if (text === null) return null
  return (
    <p className={`alert alert-${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {text}
    </p>
  )
}

export function SyncSetup({
  status,
  onSaved
}: {
  status: SyncStatus
  onSaved: (s: SyncStatus) => void
}): ReactElement {
  const { t } = useTranslation()
  const [url, setUrl] = useState(status.url ?? '')
  const [commune, setCommune] = useState(status.commune ?? '')
  const [workstationId, setWorkstationId] = useState('')
  const [secret, setSecret] = useState('')
  const [pasted, setPasted] = useState('')
  const [token, setToken] = useState('')
  const [name, setName] = useState('')
  const [fileNote, setFileNote] = useState<{ text: string; kind: 'info' | 'error' } | null>(null)
  const [saved, setSaved] = useState<string | null>(null)
  const [missing, setMissing] = useState<string | null>(null)
  const [keysNote, setKeysNote] = useState<string | null>(null)
  const configure = useApiMutation('sync/configure', { invalidates: ['sync/status'] })
  const register = useApiMutation('sync/register', { invalidates: ['sync/status'] })
  const supervisors = useApiQuery('sync/supervisors', {})
  const registerKeys = useApiMutation('sync/registerSupervisors')
  const keys = supervisors.data ?? []
  const keysText = supervisorKeysText(status.commune, keys)

  /** What the operator's file says fills the form; the admin still saves it. */
  const read = (text: string): void => {
    const r = parseRegistration(text)
    if (!r) {
      setFileNote({ text: t('sync.setup.invalid'), kind: 'error' })
      return
    }
    setWorkstationId(r.workstationId)
    setSecret(r.secret)
    setCommune(r.commune)
    if (r.url) setUrl(r.url)
    if (r.name) setName(r.name)
    setFileNote({
      text: t('sync.setup.read', { id: r.workstationId, commune: r.commune }),
      kind: 'info'
    })
  }
  const chosen = (e: ChangeEvent<HTMLInputElement>): void => {
    const file = e.target.files?.[0]
    e.target.value = ''
    if (!file) return
    file.text().then(read, () => setFileNote({ text: t('sync.setup.unreadable'), kind: 'error' }))
  }
  /** Step 1 must be filled before either way of step 2. */
  const stepOneMissing = (): boolean => {
    const why = url.trim() === '' ? 'needUrl' : commune.trim() === '' ? 'needCommune' : null
    setMissing(why && t(`sync.setup.${why}`))
    return why !== null
  }
  const done = (s: SyncStatus): void => {
    setSaved(t('sync.setup.registered', { id: s.workstationId ?? '', commune: s.commune ?? '' }))
    setSecret('')
    onSaved(s)
  }
  const saveFile = (e: FormEvent): void => {
    e.preventDefault()
    setSaved(null)
    if (stepOneMissing()) return
    configure.mutate(
      { url: url.trim(), commune: commune.trim(), workstationId: workstationId.trim(), secret },
      done
    )
  }
  const registerHere = (e: FormEvent): void => {
    e.preventDefault()
    setSaved(null)
    if (stepOneMissing()) return
    register.mutate(
      { url: url.trim(), commune: commune.trim(), operatorToken: token, name: name.trim() },
      done
    )
  }
  const download = (): void =>
    downloadBase64({
      fileName: `khoa-giam-sat-${status.commune ?? 'xa'}.json`,
      mime: 'application/json',
      base64: utf8Base64(keysText)
    })
  const registerAllKeys = (): void => {
    setKeysNote(null)
    registerKeys.mutate(
      { operatorToken: token, usernames: keys.map((k) => k.username) },
      ({ registered }) => {
        const names = keys.filter((k) => registered.includes(k.username))
        setKeysNote(
          t('sync.setup.keysRegistered', { names: names.map((k) => k.displayName).join(', ') })
        )
      }
    )
  }

  return (
    <section className="panel sync-setup" aria-labelledby="sync-setup-title">
      <h2 id="sync-setup-title" className="panel-title">
        {t('sync.setup.title')}
      </h2>
      <p className="muted">{t('sync.setup.intro')}</p>
      <Step title={t('sync.setup.step1')}>
        <div className="setup-row">
          <Field label={t('sync.configure.url')} type="url" value={url} onChange={setUrl} />
          <Field label={t('sync.configure.commune')} value={commune} onChange={setCommune} />
        </div>
        <Note text={missing} kind="error" />
      </Step>
      <Step title={t('sync.setup.step2')}>
        {status.workstationId && (
          <p>
            {t('sync.setup.current')} <code className="cell-mono">{status.workstationId}</code>
          </p>
        )}
        <div className="setup-ways">
          <form className="setup-way" onSubmit={saveFile} aria-label={t('sync.setup.byFile')}>
            <h3>{t('sync.setup.byFile')}</h3>
            <label className="button file-button">
              <input
                type="file"
                className="visually-hidden"
                accept=".json,.txt,application/json,text/plain"
                onChange={chosen}
                data-testid="registration-file"
              />
              <span>{t('sync.setup.chooseFile')}</span>
            </label>
            <label className="setup-field">
              <span>{t('sync.setup.paste')}</span>
              <textarea
                rows={3}
                value={pasted}
                spellCheck={false}
                onChange={(e) => {
                  setPasted(e.target.value)
                  if (e.target.value.trim() !== '') read(e.target.value)
                  else setFileNote(null)
                }}
              />
            </label>
            {fileNote && <Note text={fileNote.text} kind={fileNote.kind} />}
            <details>
              <summary>{t('sync.setup.byHand')}</summary>
              <Field
                label={t('sync.configure.workstationId')}
                value={workstationId}
                onChange={setWorkstationId}
              />
              <Field
                label={t('sync.configure.secret')}
                type="password"
                value={secret}
                onChange={setSecret}
              />
            </details>
            <div className="actions">
              <button
                type="submit"
                className="button button-primary"
                disabled={configure.busy || workstationId.trim() === '' || secret === ''}
              >
                {t('sync.setup.saveFile')}
              </button>
            </div>
            <ErrorAlert error={configure.error} />
          </form>
          <form className="setup-way" onSubmit={registerHere} aria-label={t('sync.setup.byToken')}>
            <h3>{t('sync.setup.byToken')}</h3>
            <Field
              label={t('sync.setup.token')}
              type="password"
              value={token}
              onChange={setToken}
              hint={t('sync.setup.tokenHint')}
            />
            <Field label={t('sync.setup.name')} value={name} onChange={setName} />
            <div className="actions">
              <button
                type="submit"
                className="button button-primary"
                disabled={register.busy || token.trim() === '' || name.trim() === ''}
              >
                {t('sync.setup.register')}
              </button>
            </div>
            <ErrorAlert error={register.error} />
          </form>
        </div>
        <Note text={saved} kind="info" />
      </Step>
      <Step title={t('sync.setup.step3')}>
        <p className="muted">{t('sync.setup.keysIntro')}</p>
        <ErrorAlert error={supervisors.error} />
        {supervisors.data && keys.length === 0 && <p>{t('sync.setup.keysNone')}</p>}
        {keys.length > 0 && (
          <>
            <ul className="plain-list">
              {keys.map((k) => (
                <li key={k.username}>
                  {t('sync.setup.keyLine', {
                    name: k.displayName,
                    username: k.username,
                    fingerprint: group(k.fingerprint).slice(0, 19) + '…'
                  })}
                </li>
              ))}
            </ul>
            <div className="actions">
              <button type="button" className="button" onClick={download}>
                {t('sync.setup.download')}
              </button>
              <button
                type="button"
                className="button button-primary"
                disabled={!status.configured || token.trim() === '' || registerKeys.busy}
                onClick={registerAllKeys}
              >
                {t('sync.setup.registerKeys')}
              </button>
            </div>
            {!status.configured && <p className="muted small">{t('sync.setup.keysNeedConfig')}</p>}
            <details>
              <summary>{t('sync.setup.keysText')}</summary>
              <textarea
                className="keys-text"
                readOnly
                rows={6}
                value={keysText}
                aria-label={t('sync.setup.keysText')}
              />
            </details>
            <Note text={keysNote} kind="info" />
            <ErrorAlert error={registerKeys.error} />
          </>
        )}
      </Step>
      <p className="setup-last">{t('sync.setup.step4')}</p>
    </section>
  )
}
