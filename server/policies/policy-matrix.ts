/** For the policy tests: a matrix of actions × viewers, each cell the answer a policy must give, run as one test per cell. */
import { describe, expect, test } from 'vitest'
import type { Viewer } from '../middleware/session/index.ts'

/** An action, how to ask the policy for one viewer, and the answer for each viewer in turn. */
export type MatrixRow = [action: string, ask: (viewer: Viewer) => unknown, answers: unknown[]]

/** `<name>: every action for every viewer`: one test per action and viewer, and one that every row answers for every viewer. */
export function policyMatrix(name: string, viewers: Record<string, Viewer>, matrix: MatrixRow[]): void {
  const who = Object.keys(viewers)
  describe(`${name}: every action for every viewer`, () => {
    test.each(matrix.flatMap(([action, ask, answers]) => who.map((w, i) => [action, w, ask, answers[i]] as const)))(
      '%s, as %s',
      (_action, w, ask, answer) => {
        expect(ask(viewers[w]!)).toBe(answer)
      },
    )

    test('every row names an answer for every viewer', () => {
      for (const [action, , answers] of matrix) expect([action, answers.length]).toEqual([action, who.length])
    })
  })
}
