// "Kiểm tra kết nối": asks the gateway at once (health, this workstation's credential, each
// supervisor's key) and lists what it found, each line a sentence that says what to do.
import { useState } from 'react'
import type { ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import type { ConnectionCheck } from '../../../shared/api'
import { ErrorAlert } from '../../components/error-alert'
import { useApiMutation } from '../../lib/use-api'
import { problemText } from './follow-up'

function Line({ ok, children }: { ok: boolean | null; children: string }): ReactElement {
  const mark = ok === true ? '✓' : ok === false ? '✗' : '?'
  const cls = ok === true ? 'is-ok' : ok === false ? 'is-bad' : 'is-unknown'
  return (
    <li className={`check-line ${cls}`}>
      <span className="check-mark" aria-hidden="true">
        {mark}
      </span>
      <span>{children}</span>
    </li>
  )
}

export function CheckResult({ check }: { check: ConnectionCheck }): ReactElement {
  const { t } = useTranslation()
  return (
    <ul className="check-result" aria-label={t('sync.check.title')} data-testid="connection-check">
      <Line ok={check.reachable}>
        {check.reachable
          ? t('sync.check.reachable', { url: check.url })
          : t('sync.check.unreachable', { problem: problemText(t, check.problem) })}
      </Line>
      {check.workstation && (
        <Line ok={check.workstation.ok}>
          {check.workstation.ok
            ? check.workstation.name
              ? t('sync.check.workstationOk', { name: check.workstation.name })
              : t('sync.check.workstationOkNoName')
            : t('sync.check.workstationRefused', {
                reason: problemText(t, check.workstation.refusal)
              })}
        </Line>
      )}
      {check.workstation?.ok && check.supervisors.length === 0 && (
        <Line ok={false}>{t('sync.check.noSupervisors')}</Line>
      )}
      {check.workstation?.ok &&
        check.supervisors.map((s) => (
          <Line key={s.username} ok={s.registered}>
            {t(
              s.registered === true
                ? 'sync.check.supervisorOk'
                : s.registered === false
                  ? 'sync.check.supervisorMissing'
                  : 'sync.check.supervisorUnknown',
              { name: s.displayName }
            )}
          </Line>
        ))}
    </ul>
  )
}

/** The button, and under the status what it found (or why it could not run). */
export function useConnectionCheck(
  online: boolean | null,
  onChecked: () => void
): {
  button: ReactElement
  result: ReactElement | null
} {
  const { t } = useTranslation()
  const test = useApiMutation('sync/test')
  const [check, setCheck] = useState<ConnectionCheck | null>(null)
  const button = (
    <button
      type="button"
      className="button"
      disabled={test.busy}
      onClick={() =>
        test.mutate({}, (c) => {
          setCheck(c)
          // The check told the backend what it found: the status follows at once.
          onChecked()
        })
      }
    >
      {test.busy ? t('sync.check.running') : t('sync.check.button')}
    </button>
  )
  // A finding the status has since contradicted (the gateway went away or came back) is dropped.
  const current = check !== null && (online === null || check.reachable === online)
  const result =
    current || test.error !== null ? (
      <div className="connection-check">
        {current && <CheckResult check={check} />}
        <ErrorAlert error={test.error} />
      </div>
    ) : null
  return { button, result }
}
