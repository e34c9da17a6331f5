// What a population file does to the records held, by national key: new, changed (old content
// kept as a version), unchanged, older than held; the first changes field by field; after the
// import, the review work its changes sent back.
import type { ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import type { ImportSummary, PopulationDiff } from '../../../shared/api'
import { formatNumber, useLanguage } from '../../i18n'
import { formatValue } from '../../lib/format'

type Counts = Pick<PopulationDiff, 'new' | 'changed' | 'unchanged' | 'older'>

function DiffCounts({ counts }: { counts: Counts }): ReactElement {
  const { t } = useTranslation()
  const lng = useLanguage()
  return (
    <dl className="count-tiles" data-testid="population-diff-counts">
      {(['new', 'changed', 'unchanged', 'older'] as const).map((k) => (
        <div key={k} className="count-tile">
          <dt>{t(`import.population.${k}`)}</dt>
          <dd data-count={k}>{formatNumber(counts[k], lng)}</dd>
        </div>
      ))}
    </dl>
  )
}

/** In the preview: the counts and the first changes, before anything is written. */
export function PopulationDiffPreview({ diff }: { diff: PopulationDiff }): ReactElement {
  const { t } = useTranslation()
  return (
    <div data-testid="population-diff">
      <h3 className="subhead">{t('import.population.title')}</h3>
      <DiffCounts counts={diff} />
      {diff.changed > 0 && <p className="muted">{t('import.population.keptNote')}</p>}
      {diff.samples.length > 0 && (
        <div className="table-scroll">
          <table className="data-table" data-testid="population-diff-samples">
            <thead>
              <tr>
                <th scope="col">{t('import.population.record')}</th>
                <th scope="col">{t('queue.pair.field')}</th>
                <th scope="col">{t('import.population.before')}</th>
                <th scope="col">{t('import.population.after')}</th>
              </tr>
            </thead>
            <tbody>
              {diff.samples.flatMap((s) =>
                s.fields.map((f, i) => (
                  <tr key={`${s.recordKey}:${f.field}`}>
                    <td className="cell-mono">
                      {i === 0
                        ? t('import.population.recordLine', {
                            key: s.recordKey,
                            row: s.rowNumber,
                            from: s.fromVersion,
                            to: s.toVersion
                          })
                        : ''}
                    </td>
                    <td>{t(`fields.${f.field}`, { defaultValue: f.field })}</td>
                    <td>{formatValue(f.field, f.before, t)}</td>
                    <td>{formatValue(f.field, f.after, t)}</td>
                  </tr>
                ))
              )}
            </tbody>
          </table>
        </div>
      )}
    </div>
  )
}

/** After the import: the same counts, and the review work sent back by the changes. */
export function PopulationDiffSummary({
  population
}: {
  population: NonNullable<ImportSummary['population']>
}): ReactElement {
  const { t } = useTranslation()
  const lng = useLanguage()
  return (
    <div data-testid="population-diff">
      <h3 className="subhead">{t('import.population.title')}</h3>
      <DiffCounts counts={population} />
      {(population.flagged > 0 || population.takenBack > 0) && (
        <p className="alert alert-warning" role="status" data-testid="population-flagged">
          {t('import.population.sentBack', {
            flagged: formatNumber(population.flagged, lng),
            takenBack: formatNumber(population.takenBack, lng)
          })}
        </p>
      )}
    </div>
  )
}
