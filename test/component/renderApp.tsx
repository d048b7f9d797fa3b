import { render } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { createMemoryRouter } from 'react-router'
import { afterEach } from 'vitest'
import type { CaseInput } from '../../src/cases/case'
import type { DeskApi } from '../../src/ipc/contract'
import { App } from '../../renderer/App'
import { createTestDesk, type TestDesk } from '../support/testDesk'

/** Renders the whole app over a desk, starting at `path`, the way main.tsx does but with an in-memory history. */
export function renderApp(desk: DeskApi, path = '/cases') {
  window.desk = desk
  const user = userEvent.setup({ delay: null })
  const view = render(<App makeRouter={(routes) => createMemoryRouter(routes, { initialEntries: [path] })} />)
  return { user, ...view }
}

/**
 * Desks over temporary stores, one per test that opens one: after each test the desk is disposed of and the clean-ups
 * the test registered (temporary folders) run.
 */
export function deskPerTest(): {
  open(options?: Parameters<typeof createTestDesk>[0]): Promise<TestDesk>
  afterTest(cleanup: () => Promise<void>): void
} {
  let current: TestDesk | undefined
  const cleanups: (() => Promise<void>)[] = []
  afterEach(async () => {
    await current?.dispose()
    current = undefined
    for (const cleanup of cleanups.splice(0)) await cleanup()
  })
  return {
    async open(options) {
      current = await createTestDesk(options)
      return current
    },
    afterTest: (cleanup) => cleanups.push(cleanup),
  }
}

/**
 * jsdom lays nothing out, so every element is 0 px high and the virtualized list would show no rows.
 * Gives scroll containers the height the case list has in a 1280×800 window.
 */
export function giveElementsTheListViewportSize() {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 600 })
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 1000 })
}

export function caseInput(overrides: Partial<CaseInput> = {}): CaseInput {
  return {
    title: 'Stored XSS in the support portal',
    reporter: { name: 'Ada Researcher', email: 'ada@example.org', language: 'en' },
    received: { at: '2026-03-05T14:10:00+01:00', timeZone: 'Europe/Amsterdam' },
    channel: 'email',
    asset: 'support.example.com',
    reportText: 'The subject field of a ticket is rendered without escaping.',
    severity: { kind: 'unrated' },
    tags: [],
    ...overrides,
  }
}

export { value } from '../support/results'
