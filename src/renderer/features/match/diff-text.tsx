// One side of a field, with its differences from the other side marked to the character.
import type { ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import type { DiffSegment } from '../../../core/review/char-diff'

export function DiffText({ segments }: { segments: DiffSegment[] }): ReactElement {
  const { t } = useTranslation()
  return (
    <>
      {segments.map((s, i) =>
        s.kind === 'same' ? (
          <span key={i}>{s.text}</span>
        ) : (
          <mark
            key={i}
            className={s.kind === 'diacritic' ? 'diff-diacritic' : 'diff-changed'}
            data-diff={s.kind}
            // Colour is not the only signal: screen readers hear what kind of difference it is.
            title={t(
              s.kind === 'diacritic' ? 'queue.pair.diacriticMark' : 'queue.pair.changedMark'
            )}
          >
            {s.text}
          </mark>
        )
      )}
    </>
  )
}
