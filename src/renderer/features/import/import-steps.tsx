// The four steps of an import as a numbered strip, and the numbered title of each step's panel.
import type { ReactElement, ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

export const STEPS = ['source', 'preview', 'run', 'result'] as const
export type Step = (typeof STEPS)[number]

export function StepStrip({ current }: { current: Step }): ReactElement {
  const { t } = useTranslation()
  const at = STEPS.indexOf(current)
  return (
    <ol className="step-strip" aria-label={t('import.steps.label')}>
      {STEPS.map((step, i) => (
        <li
          key={step}
          className={i < at ? 'done' : i === at ? 'current' : undefined}
          aria-current={i === at ? 'step' : undefined}
        >
          <span className="step-number" aria-hidden="true">
            {i + 1}
          </span>
          {t(`import.steps.${step}`)}
        </li>
      ))}
    </ol>
  )
}

export function StepTitle({
  step,
  id,
  children
}: {
  step: Step
  id: string
  children?: ReactNode
}): ReactElement {
  const { t } = useTranslation()
  return (
    <div className="step-head">
      <h2 id={id} className="panel-title step-title">
        <span className="step-number" aria-hidden="true">
          {STEPS.indexOf(step) + 1}
        </span>
        {t(`import.steps.${step}`)}
      </h2>
      {children}
    </div>
  )
}
