// The queue's filters (grade, flag, state, batch, commune) and the clerk's saved views.
import { useState } from 'react'
import type { ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import type { BatchSummary, MatchGrade, SavedView } from '../../../shared/api'
import type { ReviewState } from '../../../shared/review'
import { REVIEW_STATES } from '../../../shared/review'
import { MATCH_FLAGS, MATCH_GRADES } from '../../../shared/match'
import { NO_CHOICE, type QueueChoice } from './queue-model'

export interface QueueToolbarProps {
  choice: QueueChoice
  batches: BatchSummary[]
  views: SavedView[]
  onChange: (choice: QueueChoice) => void
  onApplyView: (view: SavedView) => void
  onSaveView: (name: string) => void
}

export function QueueToolbar({
  choice,
  batches,
  views,
  onChange,
  onApplyView,
  onSaveView
}: QueueToolbarProps): ReactElement {
  const { t } = useTranslation()
  const [viewName, setViewName] = useState('')
  const [picked, setPicked] = useState('')
  const set = (patch: Partial<QueueChoice>): void => onChange({ ...choice, ...patch })
  return (
    <div className="queue-toolbar" role="group" aria-label={t('queue.filters')}>
      <label>
        {t('queue.grade')}
        <select
          aria-label={t('queue.grade')}
          value={choice.grade}
          onChange={(e) => set({ grade: e.target.value as MatchGrade | '' })}
        >
          <option value="">{t('queue.all')}</option>
          {MATCH_GRADES.map((g) => (
            <option key={g} value={g}>
              {t(`queue.grades.${g}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('queue.flag')}
        <select
          aria-label={t('queue.flag')}
          value={choice.flag}
          onChange={(e) => set({ flag: e.target.value })}
        >
          <option value="">{t('queue.all')}</option>
          {MATCH_FLAGS.map((f) => (
            <option key={f} value={f}>
              {t(`matchFlags.${f}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="check">
        <input
          type="checkbox"
          checked={choice.flagOnly}
          disabled={choice.flag === ''}
          onChange={(e) => set({ flagOnly: e.target.checked })}
        />
        {t('queue.flagOnly')}
      </label>
      <label>
        {t('queue.state')}
        <select
          aria-label={t('queue.state')}
          value={choice.state}
          onChange={(e) => set({ state: e.target.value as ReviewState | '' })}
        >
          <option value="">{t('queue.all')}</option>
          {REVIEW_STATES.map((s) => (
            <option key={s} value={s}>
              {t(`review.states.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('queue.batch')}
        <select
          className="batch"
          aria-label={t('queue.batch')}
          value={choice.batchId ?? ''}
          onChange={(e) => set({ batchId: e.target.value === '' ? null : Number(e.target.value) })}
        >
          <option value="">{t('queue.all')}</option>
          {batches.map((b) => (
            <option key={b.id} value={b.id}>
              {t('queue.batchOption', { id: b.id, name: b.fileName })}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('queue.commune')}
        <input
          type="text"
          className="short"
          aria-label={t('queue.commune')}
          value={choice.commune}
          maxLength={20}
          placeholder={t('queue.communePlaceholder')}
          onChange={(e) => set({ commune: e.target.value })}
        />
      </label>
      <button type="button" className="button" onClick={() => onChange(NO_CHOICE)}>
        {t('queue.clearFilters')}
      </button>
      <div className="views">
        <label>
          {t('queue.views.label')}
          <select
            aria-label={t('queue.views.label')}
            value={picked}
            onChange={(e) => {
              setPicked(e.target.value)
              const view = views.find((v) => v.name === e.target.value)
              if (view) onApplyView(view)
            }}
          >
            <option value="">{t('queue.views.choose')}</option>
            {views.map((v) => (
              <option key={v.name} value={v.name}>
                {v.name}
              </option>
            ))}
          </select>
        </label>
        <input
          type="text"
          className="short"
          aria-label={t('queue.views.name')}
          placeholder={t('queue.views.name')}
          value={viewName}
          maxLength={100}
          onChange={(e) => setViewName(e.target.value)}
        />
        <button
          type="button"
          className="button"
          onClick={() => {
            onSaveView(viewName.trim())
            if (viewName.trim()) setPicked(viewName.trim())
          }}
        >
          {t('queue.views.save')}
        </button>
      </div>
    </div>
  )
}
