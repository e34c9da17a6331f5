// Restoring a backup: pick it (from the list or a file), open it with the key it needs, see what it
// holds, confirm (the current database is kept aside, and where), restore; then everyone signs in
// again, since the accounts are the backup's. Also the first screen of a new laptop.
import { useEffect, useReducer } from 'react'
import type { ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import type { TFunction } from 'i18next'
import type {
  BackupContentsInfo,
  PendingCorrectionInfo,
  RestoreResultInfo
} from '../../../shared/api'
import { formatNumber, useLanguage } from '../../i18n'
import { describeError } from '../../lib/error-text'
import { useApiMutation, useApiQuery } from '../../lib/use-api'
import type { Language } from '../../../shared/i18n'
import { NewPassphraseFields, newPassphraseProblem, PathField } from './fields'
import {
  actorText,
  asideName,
  auditActionText,
  formatDateTime,
  formatSize,
  SHOWN_TABLES,
  unsentOf
} from './format'
import {
  EMPTY_GROUPS,
  RecoveryKeyInput,
  recoveryKeyOf,
  type RecoveryGroups
} from './recovery-key-input'

/** 'firstRun': a new laptop, no account yet; 'admin': an admin replacing the data in use. */
export type RestoreMode = 'firstRun' | 'admin'

/** What opens the backup: this database's own key, its recovery key, or its key file's passphrase. */
type Secret = 'current' | 'recovery' | 'passphrase'

interface State {
  path: string
  secret: Secret
  groups: RecoveryGroups
  passphrase: string
  newPassphrase: string
  newAgain: string
  confirmed: boolean
  /** A try to go on was made: unfinished fields are named as wrong. */
  tried: boolean
  /** A problem found here, before any call. */
  problem: string | null
  contents: BackupContentsInfo | null
  result: RestoreResultInfo | null
}

type Action =
  | { type: 'path'; path: string }
  | { type: 'secret'; secret: Secret }
  | { type: 'groups'; groups: string[] }
  | { type: 'passphrase'; value: string }
  | { type: 'newPassphrase'; value: string }
  | { type: 'newAgain'; value: string }
  | { type: 'confirmed'; value: boolean }
  | { type: 'problem'; problem: string | null }
  | { type: 'inspected'; contents: BackupContentsInfo }
  | { type: 'restored'; result: RestoreResultInfo }
  | { type: 'back' }

function initial(mode: RestoreMode, path: string): State {
  return {
    path,
    // A backup of this database opens with its own key; a new laptop has only the paper.
    secret: mode === 'admin' ? 'current' : 'recovery',
    groups: EMPTY_GROUPS,
    passphrase: '',
    newPassphrase: '',
    newAgain: '',
    confirmed: false,
    tried: false,
    problem: null,
    contents: null,
    result: null
  }
}

function reducer(s: State, a: Action): State {
  switch (a.type) {
    case 'path':
      return { ...s, path: a.path, contents: null, problem: null }
    case 'secret':
      return { ...s, secret: a.secret, tried: false, problem: null }
    case 'groups':
      return { ...s, groups: a.groups, problem: null }
    case 'passphrase':
      return { ...s, passphrase: a.value, problem: null }
    case 'newPassphrase':
      return { ...s, newPassphrase: a.value, problem: null }
    case 'newAgain':
      return { ...s, newAgain: a.value, problem: null }
    case 'confirmed':
      return { ...s, confirmed: a.value }
    case 'problem':
      return { ...s, problem: a.problem, tried: true }
    case 'inspected':
      return { ...s, contents: a.contents, tried: false, problem: null, confirmed: false }
    case 'restored':
      return { ...s, result: a.result }
    case 'back':
      return { ...s, contents: null, confirmed: false, problem: null }
  }
}

/** The error of a restore call, in words; a missing passphrase is asked for on this screen. */
function restoreError(err: unknown, t: TFunction, lng: Language): string | null {
  if (err === null) return null
  if ((err as { code?: unknown }).code === 'passphrase_required')
    return t('backup.restore.needPassphrase')
  return describeError(err, t, lng)
}

export function RestoreFlow({
  mode,
  initialPath = '',
  onRestored,
  onCancel
}: {
  mode: RestoreMode
  initialPath?: string
  /** After the restore: every session has ended, the app goes back to signing in. */
  onRestored: () => void
  onCancel: () => void
}): ReactElement {
  const { t } = useTranslation()
  const lng = useLanguage()
  const [s, dispatch] = useReducer(reducer, initial(mode, initialPath))
  const keys = useApiQuery('keys/status', {})
  const info = useApiQuery('app/info', mode === 'admin' ? {} : null)
  const users = useApiQuery('users/list', mode === 'admin' ? {} : null)
  const inspect = useApiMutation('restore/inspect')
  const restore = useApiMutation('restore/run')

  const secretArgs = (): { recoveryKey?: string; passphrase?: string } | null => {
    if (s.secret === 'current') return {}
    if (s.secret === 'passphrase') {
      if (s.passphrase === '') return null
      return { passphrase: s.passphrase }
    }
    const key = recoveryKeyOf(s.groups)
    return key.complete ? { recoveryKey: key.canonical! } : null
  }

  const look = (): void => {
    const path = s.path.trim()
    if (path === '') return dispatch({ type: 'problem', problem: t('backup.restore.noFile') })
    const secret = secretArgs()
    if (!secret)
      return dispatch({
        type: 'problem',
        problem:
          s.secret === 'passphrase' ? t('backup.restore.noPassphrase') : t('backup.key.notComplete')
      })
    inspect.mutate({ path, ...secret }, (contents) => dispatch({ type: 'inspected', contents }))
  }

  // From the list: a backup of this database opens with its key, so it is shown at once.
  useEffect(() => {
    if (mode === 'admin' && initialPath !== '') look()
    // Once, for the backup the screen was opened on.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  // The key of another moment is needed: ask for it.
  const inspectCode = (inspect.error as { code?: unknown } | null)?.code
  useEffect(() => {
    if (inspectCode === 'backup_wrong_key' && s.secret === 'current')
      dispatch({ type: 'secret', secret: 'recovery' })
  }, [inspectCode, s.secret])

  const newKeyNeedsPassphrase =
    keys.data?.store === 'passphrase' && s.contents !== null && !s.contents.sameKey

  const run = (): void => {
    if (!s.contents) return
    if (newKeyNeedsPassphrase) {
      const problem = newPassphraseProblem(s.newPassphrase, s.newAgain, t)
      if (problem) return dispatch({ type: 'problem', problem })
    }
    const secret = secretArgs() ?? {}
    restore.mutate(
      {
        path: s.path.trim(),
        ...secret,
        ...(newKeyNeedsPassphrase ? { newPassphrase: s.newPassphrase } : {}),
        confirm: true
      },
      (result) => dispatch({ type: 'restored', result })
    )
  }

  if (s.result) return <RestoreDone result={s.result} onContinue={onRestored} />

  const names = new Map((users.data ?? []).map((u) => [u.username, u.displayName]))
  const failed = s.problem ?? restoreError(s.contents ? restore.error : inspect.error, t, lng)

  return (
    <section className="panel restore-flow" aria-labelledby="restore-title">
      <h2 id="restore-title" className="panel-title">
        {mode === 'firstRun' ? t('backup.restore.newLaptopTitle') : t('backup.restore.title')}
      </h2>
      {!s.contents ? (
        <form
          className="restore-form"
          onSubmit={(e) => {
            e.preventDefault()
            look()
          }}
        >
          {mode === 'firstRun' && <p className="muted">{t('backup.restore.newLaptopBody')}</p>}
          <PathField
            kind="backup"
            label={t('backup.restore.file')}
            value={s.path}
            onChange={(path) => dispatch({ type: 'path', path })}
            testId="restore-path"
          />
          <SecretFields state={s} dispatch={dispatch} mode={mode} />
          <div className="actions">
            <button type="submit" className="button button-primary" disabled={inspect.busy}>
              {inspect.busy ? t('backup.restore.opening') : t('backup.restore.inspect')}
            </button>
            <button type="button" className="button" onClick={onCancel}>
              {t('backup.restore.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <div className="restore-review">
          <BackupContents contents={s.contents} names={names} lng={lng} />
          <RestoreWarning mode={mode} contents={s.contents} dbPath={info.data?.dbPath ?? null} />
          {newKeyNeedsPassphrase && (
            <NewPassphraseFields
              value={s.newPassphrase}
              again={s.newAgain}
              onChange={(value) => dispatch({ type: 'newPassphrase', value })}
              onAgain={(value) => dispatch({ type: 'newAgain', value })}
              hint={t('backup.restore.passphraseHint')}
            />
          )}
          <label className="confirm-line">
            <input
              type="checkbox"
              checked={s.confirmed}
              onChange={(e) => dispatch({ type: 'confirmed', value: e.target.checked })}
            />
            <span>
              {t('backup.restore.confirm', { at: formatDateTime(s.contents.snapshot.takenAt) })}
            </span>
          </label>
          <div className="actions">
            <button
              type="button"
              className="button button-danger"
              disabled={!s.confirmed || restore.busy}
              onClick={run}
            >
              {restore.busy ? t('backup.restore.running') : t('backup.restore.run')}
            </button>
            <button
              type="button"
              className="button"
              disabled={restore.busy}
              onClick={() => dispatch({ type: 'back' })}
            >
              {t('backup.restore.back')}
            </button>
          </div>
          {restore.busy && (
            <div className="progress" role="progressbar" aria-label={t('backup.restore.running')}>
              <div className="progress-fill indeterminate" />
            </div>
          )}
        </div>
      )}
      {failed !== null && (
        <p className="alert alert-error" role="alert">
          {failed}
        </p>
      )}
    </section>
  )
}

function SecretFields({
  state: s,
  dispatch,
  mode
}: {
  state: State
  dispatch: (a: Action) => void
  mode: RestoreMode
}): ReactElement {
  const { t } = useTranslation()
  if (s.secret === 'current')
    return (
      <p className="muted">
        {t('backup.restore.currentKey')}{' '}
        <button
          type="button"
          className="link-button"
          onClick={() => dispatch({ type: 'secret', secret: 'recovery' })}
        >
          {t('backup.restore.otherKey')}
        </button>
      </p>
    )
  return (
    <div className="restore-secret">
      <div className="segmented" role="group" aria-label={t('backup.restore.openWith')}>
        {(['recovery', 'passphrase'] as const).map((k) => (
          <button
            key={k}
            type="button"
            aria-pressed={s.secret === k}
            onClick={() => dispatch({ type: 'secret', secret: k })}
          >
            {t(`backup.restore.with.${k}`)}
          </button>
        ))}
      </div>
      {s.secret === 'recovery' ? (
        <RecoveryKeyInput
          groups={s.groups}
          onChange={(groups) => dispatch({ type: 'groups', groups })}
          showIncomplete={s.tried}
        />
      ) : (
        <label className="field">
          <span>{t('backup.restore.passphrase')}</span>
          <input
            type="password"
            value={s.passphrase}
            onChange={(e) => dispatch({ type: 'passphrase', value: e.target.value })}
            autoComplete="off"
          />
          <span className="field-hint">{t('backup.restore.passphraseOfFile')}</span>
        </label>
      )}
      {mode === 'admin' && (
        <button
          type="button"
          className="link-button"
          onClick={() => dispatch({ type: 'secret', secret: 'current' })}
        >
          {t('backup.restore.sameKey')}
        </button>
      )}
    </div>
  )
}

/** What a backup holds: its moment, its counts, the last thing done, corrections not yet sent. */
export function BackupContents({
  contents,
  names,
  lng
}: {
  contents: BackupContentsInfo
  names: ReadonlyMap<string, string>
  lng: Language
}): ReactElement {
  const { t } = useTranslation()
  const snap = contents.snapshot
  const num = (n: number): string => formatNumber(n, lng)
  const file = contents.file.split(/[\\/]/).pop() ?? contents.file
  const unsent = unsentOf(snap)
  return (
    <div className="backup-contents" data-testid="backup-contents">
      <p className="backup-taken">
        {t('backup.contents.taken', { at: formatDateTime(snap.takenAt) })}
      </p>
      <p className="muted">
        {t('backup.contents.file', { file, size: formatSize(contents.bytes, lng) })}
      </p>
      <div className="contents-grid">
        <table className="simple-table counts-table" data-testid="backup-counts">
          <caption>{t('backup.contents.counts')}</caption>
          <tbody>
            {SHOWN_TABLES.filter((k) => snap.counts[k] !== undefined).map((k) => (
              <tr key={k} data-table={k}>
                <th scope="row">{t(`backup.tables.${k}`)}</th>
                <td className="num">{num(snap.counts[k]!)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="contents-side">
          <h3 className="subhead">{t('backup.contents.lastEvent')}</h3>
          {snap.lastAudit ? (
            <p data-testid="backup-last-event">
              {t('backup.contents.event', {
                id: num(snap.lastAudit.id),
                at: formatDateTime(snap.lastAudit.at),
                who: actorText(snap.lastAudit.actor, names, t),
                what: auditActionText(snap.lastAudit.action, t)
              })}
            </p>
          ) : (
            <p className="muted">{t('backup.contents.noEvent')}</p>
          )}
          <h3 className="subhead">{t('backup.contents.unsent', { count: unsent })}</h3>
          <PendingList pending={contents.pending} total={unsent} />
        </div>
      </div>
    </div>
  )
}

const SHOWN_PENDING = 8

function PendingList({
  pending,
  total
}: {
  pending: PendingCorrectionInfo[]
  total: number
}): ReactElement {
  const { t } = useTranslation()
  if (total === 0) return <p className="muted">{t('backup.contents.noneUnsent')}</p>
  const more = total - Math.min(pending.length, SHOWN_PENDING)
  return (
    <>
      <p className="muted">{t('backup.contents.unsentNote')}</p>
      <ul className="plain-list pending-list" data-testid="backup-pending">
        {pending.slice(0, SHOWN_PENDING).map((p) => (
          <li key={p.uuid} data-uuid={p.uuid}>
            {t('backup.contents.pendingLine', {
              key: p.populationKey,
              state: t(`sync.counts.${p.outbox}`, { defaultValue: p.outbox })
            })}
          </li>
        ))}
      </ul>
      {more > 0 && <p className="muted">{t('backup.contents.more', { count: more })}</p>}
    </>
  )
}

function RestoreWarning({
  mode,
  contents,
  dbPath
}: {
  mode: RestoreMode
  contents: BackupContentsInfo
  dbPath: string | null
}): ReactElement {
  const { t } = useTranslation()
  const at = formatDateTime(contents.snapshot.takenAt)
  const where = dbPath ? asideName(dbPath) : null
  return (
    <div className="alert alert-warn restore-warning" data-testid="restore-warning">
      <p>
        {mode === 'admin' ? t('backup.restore.replaces', { at }) : t('backup.restore.replacesNew')}
      </p>
      <p>
        {where
          ? t('backup.restore.keptAside', { name: where.name, folder: where.folder })
          : t('backup.restore.keptAsideHere')}
      </p>
      <p>{t('backup.restore.signInAgain')}</p>
    </div>
  )
}

function RestoreDone({
  result,
  onContinue
}: {
  result: RestoreResultInfo
  onContinue: () => void
}): ReactElement {
  const { t } = useTranslation()
  const snap = result.restored.snapshot
  const unsent = unsentOf(snap)
  // Over the whole window: every session has ended, nothing behind it works until signing in.
  return (
    <div className="auth-overlay" role="dialog" aria-modal="true" aria-labelledby="restored-title">
      <section className="panel restore-done" data-testid="restore-done">
        <h2 id="restored-title" className="panel-title">
          {t('backup.done.title')}
        </h2>
        <p role="status">{t('backup.done.body', { at: formatDateTime(snap.takenAt) })}</p>
        {result.aside && <p>{t('backup.done.aside', { path: result.aside })}</p>}
        {result.preBackup && <p>{t('backup.done.preBackup', { path: result.preBackup })}</p>}
        {result.keyChanged && <p>{t('backup.done.keyChanged')}</p>}
        {unsent > 0 && <p>{t('backup.done.unsent', { count: unsent })}</p>}
        <div className="actions">
          <button type="button" className="button button-primary" onClick={onContinue} autoFocus>
            {t('backup.done.signIn')}
          </button>
        </div>
      </section>
    </div>
  )
}
