// The required text and password inputs of the sign-in, first-run and settings forms.
import type { InputHTMLAttributes, ReactElement } from 'react'

type TextInputProps = {
  label: string
  value: string
  onChange: (value: string) => void
} & Pick<InputHTMLAttributes<HTMLInputElement>, 'type' | 'autoComplete' | 'readOnly' | 'className'>

/** An input under its visible label, in the `.field` layout of a panel form. */
export function LabelledInput({ label, onChange, ...input }: TextInputProps): ReactElement {
  return (
    <label className="field">
      <span>{label}</span>
      <input {...input} onChange={(e) => onChange(e.target.value)} required />
    </label>
  )
}

/** An input of an inline form: its label is its accessible name and its placeholder. */
export function InlineInput({ label, onChange, ...input }: TextInputProps): ReactElement {
  return (
    <input
      aria-label={label}
      placeholder={label}
      {...input}
      onChange={(e) => onChange(e.target.value)}
      required
    />
  )
}
