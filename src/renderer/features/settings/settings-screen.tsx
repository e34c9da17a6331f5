// Cài đặt: your account (password, key fingerprint); for an admin, users and trusted keys.
import { useCallback, useEffect, useState } from 'react'
import type { FormEvent, ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import type { TrustedKeyInfo, UserInfo, UserRole } from '../../../shared/api'
import { USER_ROLES } from '../../../shared/api'
import { useLanguage } from '../../i18n'
import { api } from '../../lib/api'
import { describeError } from '../../lib/error-text'
import { useUser } from '../auth/user-context'

const group = (fp: string): string => (fp.match(/.{1,4}/g) ?? []).join(' ')

function useError(): [unknown, (e: unknown) => void, () => ReactElement | null] {
  const { t } = useTranslation()
  const lng = useLanguage()
  const [error, setError] = useState<unknown>(null)
  const show = (): ReactElement | null =>
    error === null ? null : (
      <p className="alert alert-error" role="alert">
        {describeError(error, t, lng)}
      </p>
    )
  return [error, setError, show]
}

function PasswordPanel(): ReactElement {
  const { t } = useTranslation()
  const [oldPassword, setOld] = useState('')
  const [newPassword, setNew] = useState('')
  const [done, setDone] = useState(false)
  const [, setError, showError] = useError()
  function submit(e: FormEvent): void {
    e.preventDefault()
    setDone(false)
    setError(null)
    api.call('auth/changePassword', { oldPassword, newPassword }).then(() => {
      setDone(true)
      setOld('')
      setNew('')
    }, setError)
  }
  return (
    <form className="panel settings-form" onSubmit={submit} aria-labelledby="pw-title">
      <h2 id="pw-title" className="panel-title">
        {t('settings.passwordTitle')}
      </h2>
      <label className="field">
        <span>{t('settings.oldPassword')}</span>
        <input
          type="password"
          value={oldPassword}
          onChange={(e) => setOld(e.target.value)}
          autoComplete="current-password"
          required
        />
      </label>
      <label className="field">
        <span>{t('settings.newPassword')}</span>
        <input
          type="password"
          value={newPassword}
          onChange={(e) => setNew(e.target.value)}
          autoComplete="new-password"
          required
        />
      </label>
      <div className="actions">
        <button type="submit" className="button button-primary">
          {t('settings.changePassword')}
        </button>
      </div>
      {done && (
        <p className="alert alert-info" role="status">
          {t('settings.passwordChanged')}
        </p>
      )}
      {showError()}
    </form>
  )
}

function UsersPanel(): ReactElement {
  const { t } = useTranslation()
  const [users, setUsers] = useState<UserInfo[]>([])
  const [form, setForm] = useState({
    username: '',
    displayName: '',
    role: 'clerk' as UserRole,
    password: ''
  })
  const [, setError, showError] = useError()
  const load = useCallback(() => {
    api.call('users/list', {}).then(setUsers, setError)
  }, [setError])
  useEffect(load, [load])
  function create(e: FormEvent): void {
    e.preventDefault()
    setError(null)
    api.call('users/create', form).then(() => {
      setForm({ username: '', displayName: '', role: form.role, password: '' })
      load()
    }, setError)
  }
  function toggle(u: UserInfo): void {
    api.call('users/setActive', { username: u.username, active: !u.active }).then(load, setError)
  }
  return (
    <section className="panel" aria-labelledby="users-title">
      <h2 id="users-title" className="panel-title">
        {t('settings.usersTitle')}
      </h2>
      <table className="simple-table">
        <thead>
          <tr>
            <th>{t('auth.username')}</th>
            <th>{t('auth.displayName')}</th>
            <th>{t('settings.role')}</th>
            <th>{t('settings.fingerprint')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.username}>
              <td>{u.username}</td>
              <td>{u.displayName}</td>
              <td>
                {t(`auth.roles.${u.role}`)}
                {u.locked ? ` · ${t('settings.locked')}` : ''}
                {u.active ? '' : ` · ${t('settings.disabled')}`}
              </td>
              <td className="cell-mono">{group(u.fingerprint).slice(0, 19)}…</td>
              <td>
                <button type="button" className="button" onClick={() => toggle(u)}>
                  {u.active ? t('settings.disable') : t('settings.enable')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form className="inline-form" onSubmit={create} aria-label={t('settings.addUser')}>
        <input
          aria-label={t('auth.username')}
          placeholder={t('auth.username')}
          value={form.username}
          onChange={(e) => setForm({ ...form, username: e.target.value })}
          required
        />
        <input
          aria-label={t('auth.displayName')}
          placeholder={t('auth.displayName')}
          value={form.displayName}
          onChange={(e) => setForm({ ...form, displayName: e.target.value })}
          required
        />
        <select
          aria-label={t('settings.role')}
          value={form.role}
          onChange={(e) => setForm({ ...form, role: e.target.value as UserRole })}
        >
          {USER_ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`auth.roles.${r}`)}
            </option>
          ))}
        </select>
        <input
          aria-label={t('auth.password')}
          placeholder={t('auth.password')}
          type="password"
          autoComplete="new-password"
          value={form.password}
          onChange={(e) => setForm({ ...form, password: e.target.value })}
          required
        />
        <button type="submit" className="button button-primary">
          {t('settings.addUser')}
        </button>
      </form>
      {showError()}
    </section>
  )
}

function TrustPanel(): ReactElement {
  const { t } = useTranslation()
  const [keys, setKeys] = useState<TrustedKeyInfo[]>([])
  const [form, setForm] = useState({
    username: '',
    role: 'supervisor' as 'clerk' | 'supervisor',
    fingerprint: ''
  })
  const [, setError, showError] = useError()
  const load = useCallback(() => {
    api.call('trust/list', {}).then(setKeys, setError)
  }, [setError])
  useEffect(load, [load])
  function add(e: FormEvent): void {
    e.preventDefault()
    setError(null)
    api.call('trust/add', form).then(() => {
      setForm({ ...form, username: '', fingerprint: '' })
      load()
    }, setError)
  }
  return (
    <section className="panel" aria-labelledby="trust-title">
      <h2 id="trust-title" className="panel-title">
        {t('settings.trustTitle')}
      </h2>
      <p className="muted">{t('settings.trustBody')}</p>
      <ul className="plain-list">
        {keys.map((k) => (
          <li key={k.fingerprint}>
            <strong>{k.username}</strong> ({t(`auth.roles.${k.role}`)}){' '}
            <span className="cell-mono">{group(k.fingerprint)}</span>
          </li>
        ))}
      </ul>
      <form className="inline-form" onSubmit={add} aria-label={t('settings.addTrust')}>
        <input
          aria-label={t('auth.username')}
          placeholder={t('auth.username')}
          value={form.username}
          onChange={(e) => setForm({ ...form, username: e.target.value })}
          required
        />
        <select
          aria-label={t('settings.role')}
          value={form.role}
          onChange={(e) => setForm({ ...form, role: e.target.value as 'clerk' | 'supervisor' })}
        >
          <option value="supervisor">{t('auth.roles.supervisor')}</option>
          <option value="clerk">{t('auth.roles.clerk')}</option>
        </select>
        <input
          className="wide"
          aria-label={t('settings.fingerprint')}
          placeholder={t('settings.fingerprint')}
          value={form.fingerprint}
          onChange={(e) => setForm({ ...form, fingerprint: e.target.value })}
          required
        />
        <button type="submit" className="button button-primary">
          {t('settings.addTrust')}
        </button>
      </form>
      {showError()}
    </section>
  )
}

export function SettingsScreen(): ReactElement {
  const { t } = useTranslation()
  const { user } = useUser()
  return (
    <section className="screen">
      <h1 className="screen-title">{t('nav.settings')}</h1>
      <section className="panel" aria-labelledby="me-title">
        <h2 id="me-title" className="panel-title">
          {t('settings.meTitle')}
        </h2>
        <p>
          {user.displayName} ({user.username}) · {t(`auth.roles.${user.role}`)}
        </p>
        <p>
          {t('settings.myFingerprint')}{' '}
          <span className="cell-mono" data-testid="my-fingerprint">
            {group(user.fingerprint)}
          </span>
        </p>
      </section>
      <PasswordPanel />
      {user.role === 'admin' && <UsersPanel />}
      {user.role === 'admin' && <TrustPanel />}
    </section>
  )
}
