// The small dialogs of the review screen: bulk confirmation, changing a decision, note, shortcut help.
import { useEffect, useRef, useState } from 'react'
import type { KeyboardEvent, ReactElement, ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { formatNumber, useLanguage } from '../../i18n'
import { keyCap, SHORTCUTS } from './shortcuts'

/** A modal box: labelled, Escape closes it, focus starts on the element marked data-autofocus. */
export function Dialog({
  title,
  role = 'dialog',
  onClose,
  children,
  testId
}: {
  title: string
  role?: 'dialog' | 'alertdialog'
  onClose: () => void
  children: ReactNode
  testId?: string
}): ReactElement {
  const box = useRef<HTMLDivElement>(null)
  useEffect(() => {
    const target = box.current?.querySelector<HTMLElement>('[data-autofocus]')
    ;(target ?? box.current)?.focus()
  }, [])
  function onKeyDown(e: KeyboardEvent): void {
    if (e.key === 'Escape') {
      e.preventDefault()
      onClose()
    }
  }
  return (
    <div className="dialog-backdrop">
      <div
        ref={box}
        className="dialog"
        role={role}
        aria-modal="true"
        aria-label={title}
        tabIndex={-1}
        onKeyDown={onKeyDown}
        data-testid={testId}
      >
        <h2 className="panel-title">{title}</h2>
        {children}
      </div>
    </div>
  )
}

export function BulkDialog({
  count,
  busy,
  onConfirm,
  onClose
}: {
  count: number
  busy: boolean
  onConfirm: () => void
  onClose: () => void
}): ReactElement {
  const { t } = useTranslation()
  const lng = useLanguage()
  return (
    <Dialog title={t('queue.bulk.title')} role="alertdialog" onClose={onClose} testId="bulk-dialog">
      {count === 0 ? (
        <p>{t('queue.bulk.nothing')}</p>
      ) : (
        <>
          <p data-testid="bulk-count">
            {t('review.bulkConfirm', { count: formatNumber(count, lng) })}
          </p>
          <p className="muted small">{t('queue.bulk.hint')}</p>
        </>
      )}
      <div className="actions">
        {count > 0 && (
          <button
            type="button"
            className="button button-primary"
            disabled={busy}
            onClick={onConfirm}
          >
            {t('queue.bulk.confirm', { count: formatNumber(count, lng) })}
          </button>
        )}
        <button type="button" className="button" data-autofocus onClick={onClose}>
          {t('queue.bulk.cancel')}
        </button>
      </div>
    </Dialog>
  )
}

/**
 * Before a decision replaces one already made: the record, the decision it has (who, when) and the
 * one asked for. Keeping it is the default (Enter, Escape), so a stray key changes nothing.
 */
export function ChangeDialog({
  record,
  from,
  to,
  by,
  at,
  busy,
  onConfirm,
  onClose
}: {
  record: string
  from: string
  to: string
  by: string | null
  at: string | null
  busy: boolean
  onConfirm: () => void
  onClose: () => void
}): ReactElement {
  const { t } = useTranslation()
  return (
    <Dialog
      title={t('queue.change.title')}
      role="alertdialog"
      onClose={onClose}
      testId="change-dialog"
    >
      <p data-testid="change-text">{t('queue.change.text', { record, from, to })}</p>
      {by && at && <p className="muted small">{t('queue.change.madeBy', { by, at })}</p>}
      <div className="actions">
        <button type="button" className="button" data-autofocus onClick={onClose}>
          {t('queue.change.keep', { from })}
        </button>
        <button type="button" className="button button-danger" disabled={busy} onClick={onConfirm}>
          {t('queue.change.confirm', { to })}
        </button>
      </div>
    </Dialog>
  )
}

export function NoteDialog({
  busy,
  onSave,
  onClose
}: {
  busy: boolean
  onSave: (note: string) => void
  onClose: () => void
}): ReactElement {
  const { t } = useTranslation()
  const [note, setNote] = useState('')
  return (
    <Dialog title={t('review.actions.note')} onClose={onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault()
          if (note.trim()) onSave(note.trim())
        }}
      >
        <label className="stacked">
          {t('queue.pair.noteLabel')}
          <textarea
            data-autofocus
            rows={3}
            maxLength={2000}
            aria-label={t('queue.pair.noteLabel')}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
        </label>
        <div className="actions">
          <button type="submit" className="button button-primary" disabled={busy || !note.trim()}>
            {t('queue.pair.noteSave')}
          </button>
          <button type="button" className="button" onClick={onClose}>
            {t('queue.pair.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  )
}

export function HelpOverlay({ onClose }: { onClose: () => void }): ReactElement {
  const { t } = useTranslation()
  return (
    <Dialog title={t('queue.shortcuts.title')} onClose={onClose} testId="shortcut-help">
      <table className="data-table shortcut-table">
        <tbody>
          {SHORTCUTS.filter((s) => s.keys.length > 0).map((s) => (
            <tr key={s.command}>
              <td>
                {s.keys.map((k) => (
                  <kbd
                    key={k}
                    aria-label={t(`queue.shortcuts.keyNames.${k}`, { defaultValue: keyCap(k) })}
                  >
                    {keyCap(k)}
                  </kbd>
                ))}
              </td>
              <td>{t(`queue.shortcuts.${s.command}`)}</td>
            </tr>
          ))}
          <tr>
            <td>
              <kbd>Esc</kbd>
            </td>
            <td>{t('queue.shortcuts.escape')}</td>
          </tr>
        </tbody>
      </table>
      <p className="muted small">{t('queue.shortcuts.typing')}</p>
      <div className="actions">
        <button type="button" className="button" data-autofocus onClick={onClose}>
          {t('queue.shortcuts.close')}
        </button>
      </div>
    </Dialog>
  )
}
