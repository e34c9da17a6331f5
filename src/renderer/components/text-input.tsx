// The required text and password inputs of the sign-in, first-run and settings forms.
import type { InputHTMLAttributes, ReactElement } from 'react'
import { useTranslation } from 'react-i18next'

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

/** A new password typed twice (first run, password reset, forgotten password). */
export function NewPasswordInputs({
  label,
  password,
  again,
  onPassword,
  onAgain
}: {
  label: string
  password: string
  again: string
  onPassword: (value: string) => void
  onAgain: (value: string) => void
}): ReactElement {
  const { t } = useTranslation()
  return (
    <>
      <LabelledInput
        label={label}
        type="password"
        value={password}
        onChange={onPassword}
        autoComplete="new-password"
      />
      <LabelledInput
        label={t('auth.confirmPassword')}
        type="password"
        value={again}
        onChange={onAgain}
        autoComplete="new-password"
      />
    </>
  )
}
