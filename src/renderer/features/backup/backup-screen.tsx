// Sao lưu: the state of the backups and "Sao lưu ngay" (everyone), the folder, how many to keep and
// the schedule (admin), the list of backups in the folder, and restoring one (admin).
import { useReducer } from 'react'
import type { ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import type { BackupFileInfo, BackupStatus } from '../../../shared/api'
import { ErrorAlert } from '../../components/error-alert'
import { useLanguage } from '../../i18n'
import { useApiMutation, useApiQuery } from '../../lib/use-api'
import { useUser } from '../auth/user-context'
import { BackupState } from './backup-status'
import { PathField } from './fields'
import { formatDateTime, formatSize } from './format'
import { RestoreFlow } from './restore-flow'
import './backup.css'

interface ScreenState {
  /** The backup being restored (a path), '' for "another file", null when not restoring. */
  restoring: string | null
}

type ScreenAction = { type: 'restore'; path: string } | { type: 'close' }

function screenReducer(_s: ScreenState, a: ScreenAction): ScreenState {
  return a.type === 'restore' ? { restoring: a.path } : { restoring: null }
}

export function BackupScreen(): ReactElement {
  const { t } = useTranslation()
  const { user, signOut } = useUser()
  const [state, dispatch] = useReducer(screenReducer, { restoring: null })
  const status = useApiQuery('backup/status', {})
  const admin = user.role === 'admin'
  const s = status.data

  if (state.restoring !== null)
    return (
      <section className="screen backup-screen">
        <h1 className="screen-title">{t('backup.screen.title')}</h1>
        {/* Every session ends with the restore: back to signing in, into the restored data. */}
        <RestoreFlow
          key={state.restoring}
          mode="admin"
          initialPath={state.restoring}
          onRestored={signOut}
          onCancel={() => dispatch({ type: 'close' })}
        />
      </section>
    )

  return (
    <section className="screen backup-screen">
      <h1 className="screen-title">{t('backup.screen.title')}</h1>
      <ErrorAlert error={status.error} />
      {s && (
        <section className="panel" aria-labelledby="backup-state-title">
          <BackupState status={s} title={t('backup.screen.state')} titleId="backup-state-title" />
          <p className="muted" data-testid="backup-where">
            {t(s.folderChosen ? 'backup.screen.folder' : 'backup.screen.folderDefault', {
              folder: s.folder
            })}{' '}
            {s.enabled
              ? t('backup.screen.schedule', { hours: s.intervalHours, keep: s.keepLast })
              : t('backup.screen.scheduleOff', { keep: s.keepLast })}
          </p>
        </section>
      )}
      {s && admin && <SettingsPanel status={s} />}
      {s && (
        <BackupList canRestore={admin} onRestore={(path) => dispatch({ type: 'restore', path })} />
      )}
      {admin && (
        <section className="panel" aria-labelledby="restore-other-title">
          <h2 id="restore-other-title" className="panel-title">
            {t('backup.screen.restoreTitle')}
          </h2>
          <p className="muted">{t('backup.screen.restoreBody')}</p>
          <div className="actions">
            <button
              type="button"
              className="button"
              onClick={() => dispatch({ type: 'restore', path: '' })}
            >
              {t('backup.screen.restoreOther')}
            </button>
          </div>
        </section>
      )}
    </section>
  )
}

/** The admin's settings: where backups go, how many are kept, and the schedule. */
function SettingsPanel({ status }: { status: BackupStatus }): ReactElement {
  const { t } = useTranslation()
  const [form, setForm] = useReducer(
    (f: Form, patch: Partial<Form>) => ({ ...f, saved: false, ...patch }),
    formOf(status)
  )
  const save = useApiMutation('backup/configure', { invalidates: ['backup/status', 'backup/list'] })
  const keepLast = Number(form.keepLast)
  const interval = Number(form.intervalHours)
  const submit = (): void => {
    const folder = form.folder.trim()
    save.mutate(
      {
        ...(folder !== '' ? { folder } : {}),
        keepLast,
        intervalHours: interval,
        enabled: form.enabled
      },
      (saved) => setForm({ ...formOf(saved), saved: true })
    )
  }
  return (
    <form
      className="panel backup-settings"
      aria-labelledby="backup-settings-title"
      onSubmit={(e) => {
        e.preventDefault()
        submit()
      }}
    >
      <h2 id="backup-settings-title" className="panel-title">
        {t('backup.settings.title')}
      </h2>
      <PathField
        kind="folder"
        label={t('backup.settings.folder')}
        value={form.folder}
        onChange={(folder) => setForm({ folder })}
        testId="backup-folder"
      />
      {!status.folderChosen && (
        <p className="field-hint">
          {t('backup.settings.defaultFolder', { folder: status.folder })}
        </p>
      )}
      <div className="settings-row">
        <label className="field field-inline">
          <span>{t('backup.settings.keepLast')}</span>
          <input
            type="number"
            className="narrow"
            min={1}
            max={365}
            required
            value={form.keepLast}
            onChange={(e) => setForm({ keepLast: e.target.value })}
          />
          <span className="field-hint">{t('backup.settings.keepHint')}</span>
        </label>
      </div>
      <div className="settings-row">
        <label className="field-inline check-line">
          <input
            type="checkbox"
            checked={form.enabled}
            onChange={(e) => setForm({ enabled: e.target.checked })}
          />
          <span>{t('backup.settings.enabled')}</span>
        </label>
        <label className="field field-inline">
          <span>{t('backup.settings.every')}</span>
          <input
            type="number"
            className="narrow"
            min={1}
            max={720}
            required
            disabled={!form.enabled}
            value={form.intervalHours}
            onChange={(e) => setForm({ intervalHours: e.target.value })}
          />
          <span>{t('backup.settings.hours')}</span>
        </label>
      </div>
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={save.busy}>
          {t('backup.settings.save')}
        </button>
      </div>
      {form.saved && (
        <p className="alert alert-ok" role="status">
          {t('backup.settings.saved')}
        </p>
      )}
      <ErrorAlert error={save.error} />
    </form>
  )
}

const formOf = (s: BackupStatus): Form => ({
  folder: s.folderChosen ? s.folder : '',
  keepLast: String(s.keepLast),
  intervalHours: String(s.intervalHours),
  enabled: s.enabled,
  saved: false
})

interface Form {
  folder: string
  keepLast: string
  intervalHours: string
  enabled: boolean
  saved: boolean
}

/** The backups in the configured folder, newest first, with what the log knows of each. */
function BackupList({
  canRestore,
  onRestore
}: {
  canRestore: boolean
  onRestore: (path: string) => void
}): ReactElement {
  const { t } = useTranslation()
  const lng = useLanguage()
  const list = useApiQuery('backup/list', {})
  const files = list.data ?? []
  return (
    <section className="panel" aria-labelledby="backup-list-title">
      <h2 id="backup-list-title" className="panel-title">
        {t('backup.list.title')}
      </h2>
      {(list.error as { code?: unknown } | null)?.code === 'backup_folder_missing' ? (
        <p className="muted">{t('backup.list.folderMissing')}</p>
      ) : list.error !== null ? (
        <ErrorAlert error={list.error} />
      ) : files.length === 0 ? (
        <p className="muted">{list.data ? t('backup.list.empty') : t('overview.loading')}</p>
      ) : (
        <table className="simple-table backup-table" data-testid="backup-list">
          <thead>
            <tr>
              <th scope="col">{t('backup.list.when')}</th>
              <th scope="col">{t('backup.list.file')}</th>
              <th scope="col" className="num">
                {t('backup.list.size')}
              </th>
              <th scope="col">{t('backup.list.checked')}</th>
              {canRestore && <th scope="col" />}
            </tr>
          </thead>
          <tbody>
            {files.map((f) => (
              <tr key={f.path} data-testid="backup-row">
                <td>{formatDateTime(f.logged?.snapshot?.takenAt ?? f.modifiedAt)}</td>
                <td className="cell-file">{f.name}</td>
                <td className="num">{formatSize(f.bytes, lng)}</td>
                <td>
                  <CheckedCell file={f} />
                </td>
                {canRestore && (
                  <td>
                    <button type="button" className="button" onClick={() => onRestore(f.path)}>
                      {t('backup.list.restore')}
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}

function CheckedCell({ file }: { file: BackupFileInfo }): ReactElement {
  const { t } = useTranslation()
  if (!file.logged) return <span className="muted">{t('backup.list.notLogged')}</span>
  return (
    <span className="checked-ok">
      {t('backup.list.verified')} · {t(`backup.reason.${file.logged.reason}`)}
    </span>
  )
}
