/** A labelled form field (or group of choices) for the portal's and the console's forms, with its hint and the server's error. */
import type { ComponentChildren } from 'preact'

/** What the control inside a Field takes over: its id, and what describes it and whether it is invalid. */
export interface FieldAria {
  id: string
  'aria-describedby'?: string
  'aria-invalid'?: 'true'
}

interface FieldProps {
  id: string
  label: ComponentChildren
  hint?: ComponentChildren
  /** The hint's own id, where the page names it apart; default `<id>-hint`. */
  hintId?: string
  /** The hint under the control instead of above it. */
  isHintBelow?: boolean
  error?: string
  /** The error's place is always there, as an alert, so a screen reader hears each new refusal as it appears. */
  isErrorLive?: boolean
}

const describedBy = (ids: (string | false | undefined)[]) => ids.filter(Boolean).join(' ') || undefined

/** A labelled form field with its hint and the server's error, tied to the control for assistive technology. */
export function Field({ id, label, hint, hintId = `${id}-hint`, isHintBelow = false, error, isErrorLive = false, children }: FieldProps & { children: (aria: FieldAria) => ComponentChildren }) {
  const errorId = `${id}-error`
  const described = describedBy([Boolean(hint) && hintId, (error || isErrorLive) && errorId])
  const hintLine = Boolean(hint) && <p class="hint" id={hintId}>{hint}</p>
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {!isHintBelow && hintLine}
      {children({ id, ...(described ? { 'aria-describedby': described } : {}), ...(error ? { 'aria-invalid': 'true' as const } : {}) })}
      {isHintBelow && hintLine}
      {isErrorLive ? <p class="field-error" id={errorId} role="alert">{error ?? ''}</p> : error && <p class="field-error" id={errorId}>{error}</p>}
    </div>
  )
}

/**
 * A group of choices (radio buttons) under a legend, with the server's error for the group.
 * `id` names the error (`<id>-error`); `hintId` a hint the page shows inside the group. A group
 * whose choices each carry their own hint leaves the error unnamed (`isErrorUnnamed`).
 */
export function FieldSet({ id, legend, hintId, error, isErrorUnnamed = false, children }: {
  id: string
  legend: ComponentChildren
  hintId?: string
  error?: string
  isErrorUnnamed?: boolean
  children: ComponentChildren
}) {
  const errorId = isErrorUnnamed ? undefined : `${id}-error`
  return (
    <fieldset class="field" aria-describedby={describedBy([hintId, error && errorId])}>
      <legend>{legend}</legend>
      {children}
      {error && <p class="field-error" id={errorId}>{error}</p>}
    </fieldset>
  )
}
