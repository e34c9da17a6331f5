// What the run's model learnt from the files (every comparison level's weight), and the other
// register rows linked to the same person, so the clerk sees a person written twice together.
import type { ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import type { PairView } from '../../../shared/api'
import { useLanguage } from '../../i18n'
import { formatBits, formatProbability } from './queue-model'

export function ModelWeights({ pair }: { pair: PairView }): ReactElement | null {
  const { t } = useTranslation()
  const lng = useLanguage()
  if (!pair.model) return null
  const fields = pair.model.fields.filter((f) => f.used)
  return (
    <details className="model-weights" data-testid="model-weights">
      <summary>{t('queue.model.title')}</summary>
      <p className="muted">
        {t('queue.model.intro', { prior: formatBits(pair.model.prior, lng) })}
      </p>
      <table className="data-table">
        <tbody>
          {fields.map((f) => (
            <tr key={f.field} data-field={f.field}>
              <th scope="row">
                {t(`queue.waterfall.fields.${f.field}`, { defaultValue: f.field })}
              </th>
              <td>
                {f.levels.map((l) => (
                  <span
                    key={l.level}
                    className={pair.levels[f.field] === l.level ? 'mw-level mw-this' : 'mw-level'}
                    data-level={l.level}
                  >
                    {t(`queue.waterfall.levels.${l.level}`, { defaultValue: l.level })}{' '}
                    {formatBits(l.weight, lng)}
                  </span>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">
        {t('queue.model.unused', { count: pair.model.fields.length - fields.length })}
      </p>
    </details>
  )
}

export function SameRecordRows({ pair }: { pair: PairView }): ReactElement | null {
  const { t } = useTranslation()
  const lng = useLanguage()
  if (pair.sameRecord.length === 0) return null
  return (
    <section className="same-record" data-testid="same-record">
      <h3>{t('queue.model.sameRecord', { count: pair.sameRecord.length })}</h3>
      <ul>
        {pair.sameRecord.map((r) => (
          <li key={r.sourceRecordId}>
            {t('queue.model.sameRow', {
              key: r.sourceKey ?? '',
              row: r.rowNumber,
              name: r.name,
              dob: r.dob ?? '',
              probability: formatProbability(r.probability, lng)
            })}
          </li>
        ))}
      </ul>
    </section>
  )
}
