// Cài đặt: your account (password, key fingerprint); for an admin, users and trusted keys.
import { useState } from 'react'
import type { ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import type { UserInfo, UserRole } from '../../../shared/api'
import { USER_ROLES, validUsername } from '../../../shared/api'
import type { KeyRole } from '../../../shared/roles'
import { ErrorAlert } from '../../components/error-alert'
import { InlineForm, PanelForm } from '../../components/panel-form'
import { InlineInput, LabelledInput } from '../../components/text-input'
import { useApiMutation, useApiQuery } from '../../lib/use-api'
import { useUser } from '../auth/user-context'
import { ResetPasswordPanel } from '../backup/reset-password'

const group = (fp: string): string => (fp.match(/.{1,4}/g) ?? []).join(' ')

function PasswordPanel(): ReactElement {
  const { t } = useTranslation()
  const [oldPassword, setOld] = useState('')
  const [newPassword, setNew] = useState('')
  const [done, setDone] = useState(false)
  const change = useApiMutation('auth/changePassword')
  function submit(): void {
    setDone(false)
    change.mutate({ oldPassword, newPassword }, () => {
      setDone(true)
      setOld('')
      setNew('')
    })
  }
  return (
    <PanelForm
      className="settings-form"
      titleId="pw-title"
      title={t('settings.passwordTitle')}
      submitLabel={t('settings.changePassword')}
      onSubmit={submit}
      messages={
        done && (
          <p className="alert alert-info" role="status">
            {t('settings.passwordChanged')}
          </p>
        )
      }
      error={change.error}
    >
      <LabelledInput
        label={t('settings.oldPassword')}
        type="password"
        value={oldPassword}
        onChange={setOld}
        autoComplete="current-password"
      />
      <LabelledInput
        label={t('settings.newPassword')}
        type="password"
        value={newPassword}
        onChange={setNew}
        autoComplete="new-password"
      />
    </PanelForm>
  )
}

function UsersPanel(): ReactElement {
  const { t } = useTranslation()
  const { user: me } = useUser()
  const users = useApiQuery('users/list', {})
  const [resetting, setResetting] = useState<UserInfo | null>(null)
  const [form, setForm] = useState({
    username: '',
    displayName: '',
    role: 'clerk' as UserRole,
    password: ''
  })
  const creating = useApiMutation('users/create', { invalidates: ['users/list'] })
  const activating = useApiMutation('users/setActive', { invalidates: ['users/list'] })
  const badName = form.username.trim() !== '' && !validUsername(form.username)
  const create = (): void => {
    if (badName) return
    creating.mutate(form, () =>
      setForm({ username: '', displayName: '', role: form.role, password: '' })
    )
  }
  const toggle = (u: UserInfo): void =>
    activating.mutate({ username: u.username, active: !u.active })
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
          {(users.data ?? []).map((u) => (
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
                </button>{' '}
                {/* An admin's own password: Đổi mật khẩu, or "Quên mật khẩu" with the recovery key. */}
                {u.role !== 'admin' && u.username !== me.username && (
                  <button type="button" className="button" onClick={() => setResetting(u)}>
                    {t('backup.reset.button')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {resetting && (
        <ResetPasswordPanel
          key={resetting.username}
          user={resetting}
          onClose={() => setResetting(null)}
        />
      )}
      <InlineForm label={t('settings.addUser')} onSubmit={create}>
        <InlineInput
          label={t('auth.username')}
          value={form.username}
          onChange={(username) => setForm({ ...form, username })}
        />
        <InlineInput
          label={t('auth.displayName')}
          value={form.displayName}
          onChange={(displayName) => setForm({ ...form, displayName })}
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
        <InlineInput
          label={t('auth.password')}
          type="password"
          autoComplete="new-password"
          value={form.password}
          onChange={(password) => setForm({ ...form, password })}
        />
      </InlineForm>
      <p className="muted small">{t('firstRun.usernameHint')}</p>
      {badName && (
        <p className="alert alert-error" role="alert">
          {t('fieldErrors.username')}
        </p>
      )}
      <ErrorAlert error={creating.error ?? activating.error ?? users.error} />
    </section>
  )
}

function TrustPanel(): ReactElement {
  const { t } = useTranslation()
  const keys = useApiQuery('trust/list', {})
  const [form, setForm] = useState({
    username: '',
    role: 'supervisor' as KeyRole,
    fingerprint: ''
  })
  const adding = useApiMutation('trust/add', { invalidates: ['trust/list'] })
  const add = (): void =>
    adding.mutate(form, () => setForm({ ...form, username: '', fingerprint: '' }))
  return (
    <section className="panel" aria-labelledby="trust-title">
      <h2 id="trust-title" className="panel-title">
        {t('settings.trustTitle')}
      </h2>
      <p className="muted">{t('settings.trustBody')}</p>
      <ul className="plain-list">
        {(keys.data ?? []).map((k) => (
          <li key={k.fingerprint}>
            <strong>{k.username}</strong> ({t(`auth.roles.${k.role}`)}){' '}
            <span className="cell-mono">{group(k.fingerprint)}</span>
          </li>
        ))}
      </ul>
      <InlineForm label={t('settings.addTrust')} onSubmit={add}>
        <InlineInput
          label={t('auth.username')}
          value={form.username}
          onChange={(username) => setForm({ ...form, username })}
        />
        <select
          aria-label={t('settings.role')}
          value={form.role}
          onChange={(e) => setForm({ ...form, role: e.target.value as KeyRole })}
        >
          <option value="supervisor">{t('auth.roles.supervisor')}</option>
          <option value="clerk">{t('auth.roles.clerk')}</option>
        </select>
        <InlineInput
          className="wide"
          label={t('settings.fingerprint')}
          value={form.fingerprint}
          onChange={(fingerprint) => setForm({ ...form, fingerprint })}
        />
      </InlineForm>
      <ErrorAlert error={adding.error ?? keys.error} />
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
