/** A labelled form field for the portal's and the console's forms. */
import type { ComponentChildren } from 'preact'
import { useEffect, useRef } from 'preact/hooks'

/** What the control inside a Field takes over: its id, and what describes it and whether it is invalid. */
export interface FieldAria {
  id: string
  'aria-describedby'?: string
  'aria-invalid'?: 'true'
}

/** A labelled form field with its hint and the server's error, tied to the control for assistive technology. */
export function Field({ id, label, hint, error, children }: { id: string; label: string; hint?: string; error?: string; children: (aria: FieldAria) => ComponentChildren }) {
  const hintId = `${id}-hint`
  const errorId = `${id}-error`
  const describedBy = [hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ')
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {hint && <p class="hint" id={hintId}>{hint}</p>}
      {children({ id, ...(describedBy ? { 'aria-describedby': describedBy } : {}), ...(error ? { 'aria-invalid': 'true' as const } : {}) })}
      {error && <p class="field-error" id={errorId}>{error}</p>}
    </div>
  )
}

/** After a refused submit, the keyboard lands on the first field the server named, whose error is read with it: the ref goes on the form. */
export function useFocusFirstInvalid(errors: unknown) {
  const ref = useRef<HTMLFormElement>(null)
  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus()
  }, [errors])
  return ref
}
