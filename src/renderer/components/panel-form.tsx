// The two form shells of the panels: a titled form with its fields one under another, and the
// one-row add form under a list. Both keep the page on submit and run `onSubmit`.
import type { FormEvent, ReactElement, ReactNode } from 'react'
import { ErrorAlert } from './error-alert'

const submitWith =
  (onSubmit: () => void) =>
  (e: FormEvent): void => {
    e.preventDefault()
    onSubmit()
  }

interface PanelFormProps {
  /** The layout class besides `panel`: `auth-form` or `settings-form`. */
  className: string
  titleId: string
  title: string
  submitLabel: string
  /** Disables the submit button while the call runs. */
  busy?: boolean
  onSubmit: () => void
  /** Shown between the button and the error (a confirmation, a check that failed). */
  messages?: ReactNode
  error: unknown
  children: ReactNode
}

/** A title, the fields, one submit button, then the form's messages and the error of its call. */
export function PanelForm(props: PanelFormProps): ReactElement {
  return (
    <form
      className={`panel ${props.className}`}
      onSubmit={submitWith(props.onSubmit)}
      aria-labelledby={props.titleId}
    >
      <h2 id={props.titleId} className="panel-title">
        {props.title}
      </h2>
      {props.children}
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={props.busy}>
          {props.submitLabel}
        </button>
      </div>
      {props.messages}
      <ErrorAlert error={props.error} />
    </form>
  )
}

/** The fields in a row, then a button that says what the form adds (also the form's name). */
export function InlineForm(props: {
  label: string
  onSubmit: () => void
  children: ReactNode
}): ReactElement {
  return (
    <form className="inline-form" onSubmit={submitWith(props.onSubmit)} aria-label={props.label}>
      {props.children}
      <button type="submit" className="button button-primary">
        {props.label}
      </button>
    </form>
  )
}
