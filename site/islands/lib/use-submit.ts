/** One submit handler for the islands' forms and actions: busy while it runs, the server's refusal beside the fields, a result message that takes the focus. */
import { useEffect, useRef, useState } from 'preact/hooks'
import { messageOf, type FailureTexts } from './api.ts'
import { formErrors, type FormErrors } from './field-errors.ts'
import type { Result } from './ResultMessage.tsx'

const NO_ERRORS: FormErrors = { fields: {} }

/** Options for useSubmit. */
export interface SubmitOptions {
  texts: FailureTexts
  /** The fields the server may name: path → our own sentence of what the field accepts; default none. */
  fields?: Record<string, string>
  /**
   * Where a refusal goes and where the keyboard lands. `summary` (the default): the server's
   * message above the button, the focus on the first invalid field. `result`: the message in the
   * result, which takes the focus.
   */
  refusal?: 'summary' | 'result'
}

/** How one run goes beyond the defaults. */
export interface RunOptions {
  /** Which of several things is busy (a row's id); default the whole form. */
  key?: string
  /** What to say for a refusal (e.g. a stale record) instead of the fields and message; undefined leaves it to those. */
  refused?: (failure: unknown) => Result | Promise<Result>
  /** Runs last, whatever happened. */
  settled?: () => void
}

/** What useSubmit hands the form. */
export interface Submitter {
  /** Whether a run is on its way; with `key`, whether that one is. */
  isBusy: (key?: string) => boolean
  errors: FormErrors
  result: Result
  /** On the form: after a refusal the first invalid field takes the focus. */
  formRef: { current: HTMLFormElement | null }
  /** On the ResultMessage: a new result takes the focus. */
  resultRef: { current: HTMLElement | null }
  /** Runs `action`; what it returns is the result message. A throw is a refusal. */
  run: (action: () => Promise<Result | void>, options?: RunOptions) => Promise<void>
  /** Shows `errors` without asking the server (the browser's own checks). */
  refuse: (errors: FormErrors) => void
  /** Shows (or clears) the result message, clearing the fields' errors. */
  say: (result: Result) => void
}

/**
 * The skeleton every form and action shares: busy while it runs, earlier messages cleared, the
 * refusal mapped to the fields, and the focus where the person reads what happened.
 * @example const submit = useSubmit({ texts: strings, fields: { name: strings['invalid.name'] } })
 */
export function useSubmit({ texts, fields = {}, refusal = 'summary' }: SubmitOptions): Submitter {
  const [busy, setBusy] = useState<string | true | undefined>()
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS)
  const [result, setResult] = useState<Result>()
  const formRef = useRef<HTMLFormElement>(null)
  const resultRef = useRef<HTMLElement>(null)

  useEffect(() => {
    if (refusal === 'summary') formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus()
  }, [errors])
  useEffect(() => {
    if (result) resultRef.current?.focus()
  }, [result])

  async function run(action: () => Promise<Result | void>, options: RunOptions = {}) {
    setBusy(options.key ?? true)
    setErrors(NO_ERRORS)
    setResult(undefined)
    try {
      const outcome = await action()
      if (outcome) setResult(outcome)
    } catch (failure) {
      const said = await options.refused?.(failure)
      if (said) return setResult(said)
      const refused = formErrors(failure, fields, texts)
      if (refusal === 'summary') return setErrors(refused)
      setErrors({ fields: refused.fields })
      setResult({ kind: 'error', text: refused.summary ?? messageOf(failure, texts) })
    } finally {
      setBusy(undefined)
      options.settled?.()
    }
  }

  return {
    isBusy: (key) => (key === undefined ? busy !== undefined : busy === key),
    errors, result, formRef, resultRef, run,
    refuse: (next) => { setResult(undefined); setErrors(next) },
    say: (next) => { setErrors(NO_ERRORS); setResult(next) },
  }
}
