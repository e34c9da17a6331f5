// First run, for the admin: an admin neither imports nor reviews nor approves, so until this machine
// has a clerk and a supervisor the overview asks for them, with a form for each right there.
import { useState } from 'react'
import type { ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import { validUsername, type UserInfo } from '../../../shared/api'
import { foldKey } from '../../../core/normalize/text'
import { KEY_ROLES, type KeyRole } from '../../../shared/roles'
import { ErrorAlert } from '../../components/error-alert'
import { LabelledInput } from '../../components/text-input'
import { useApiMutation, useApiQuery } from '../../lib/use-api'

/** "Nguyễn Văn An" → "nguyenvanan": a user name the admin may keep or change. */
export function suggestUsername(displayName: string): string {
  return foldKey(displayName)
    .replace(/[^a-z0-9]/g, '')
    .slice(0, 32)
}

function NewAccount({
  role,
  existing,
  onCreated
}: {
  role: KeyRole
  existing: UserInfo[]
  onCreated: (u: UserInfo) => void
}): ReactElement {
  const { t } = useTranslation()
  const [displayName, setDisplayName] = useState('')
  const [username, setUsername] = useState('')
  const [edited, setEdited] = useState(false)
  const [password, setPassword] = useState('')
  const create = useApiMutation('users/create', { invalidates: ['users/list'] })
  const title = t(role === 'clerk' ? 'firstRun.clerkTitle' : 'firstRun.supervisorTitle')
  const badName = username.trim() !== '' && !validUsername(username)
  const submit = (): void => {
    if (badName) return
    create.mutate({ username, displayName, role, password }, (u) => {
      setDisplayName('')
      setUsername('')
      setEdited(false)
      setPassword('')
      onCreated(u)
    })
  }
  return (
    <form
      className="guide-account"
      aria-label={title}
      onSubmit={(e) => {
        e.preventDefault()
        submit()
      }}
    >
      <h3>{title}</h3>
      <p className="muted">
        {t(role === 'clerk' ? 'firstRun.clerkHint' : 'firstRun.supervisorHint')}
      </p>
      {existing.length > 0 && (
        <p>{t('firstRun.existing', { names: existing.map((u) => u.displayName).join(', ') })}</p>
      )}
      <LabelledInput
        label={t('auth.displayName')}
        value={displayName}
        onChange={(v) => {
          setDisplayName(v)
          if (!edited) setUsername(suggestUsername(v))
        }}
      />
      <LabelledInput
        label={t('auth.username')}
        value={username}
        autoComplete="off"
        onChange={(v) => {
          setEdited(true)
          setUsername(v)
        }}
      />
      <p className="muted small">{t('firstRun.usernameHint')}</p>
      {badName && (
        <p className="alert alert-error" role="alert">
          {t('fieldErrors.username')}
        </p>
      )}
      <LabelledInput
        label={t('auth.password')}
        type="password"
        autoComplete="new-password"
        value={password}
        onChange={setPassword}
      />
      <p className="muted small">{t('firstRun.passwordHint')}</p>
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={create.busy}>
          {t(role === 'clerk' ? 'firstRun.createClerk' : 'firstRun.createSupervisor')}
        </button>
      </div>
      <ErrorAlert error={create.error} />
    </form>
  )
}

/** Shown to an admin while a clerk or a supervisor is missing, and until the admin leaves it. */
export function AccountsGuide(): ReactElement | null {
  const { t } = useTranslation()
  const users = useApiQuery('users/list', {})
  const [created, setCreated] = useState<string[]>([])
  // Once shown, the guide stays until the screen is left, so its last message is read.
  const [shown, setShown] = useState(false)
  const list = users.data ?? []
  const byRole = (r: KeyRole): UserInfo[] => list.filter((u) => u.role === r && u.active)
  const missing = KEY_ROLES.filter((r) => byRole(r).length === 0)
  if (users.error !== null) return <ErrorAlert error={users.error} />
  if (!users.data || (missing.length === 0 && !shown)) return null
  if (!shown) setShown(true)
  const said = (u: UserInfo): void =>
    setCreated((c) => [
      ...c,
      t('firstRun.created', {
        role: t(`auth.roles.${u.role}`).toLowerCase(),
        name: u.displayName,
        username: u.username
      })
    ])
  return (
    <section className="panel welcome accounts-guide" aria-labelledby="guide-title">
      <h2 id="guide-title" className="panel-title">
        {t('firstRun.title')}
      </h2>
      <p className="welcome-body">{t('firstRun.body')}</p>
      {created.map((text) => (
        <p key={text} className="alert alert-info" role="status">
          {text}
        </p>
      ))}
      {missing.length === 0 ? (
        <p className="alert alert-info" role="status">
          {t('firstRun.done')}
        </p>
      ) : (
        <div className="guide-accounts">
          {KEY_ROLES.map((r) => (
            <NewAccount key={r} role={r} existing={byRole(r)} onCreated={said} />
          ))}
        </div>
      )}
    </section>
  )
}
