import { QueryClientProvider } from '@tanstack/react-query'
import { act, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { DeskApi } from '../../src/ipc/contract'
import { Settings } from '../../src/settings/settings'
import { useCaseList } from '../../renderer/queries/cases'
import { LiveUpdates, useToday } from '../../renderer/queries/LiveUpdates'
import { createDeskQueryClient } from '../../renderer/queries/queryClient'

afterEach(() => vi.useRealTimers())

function TodayAndList() {
  const today = useToday()
  const list = useCaseList()
  return (
    <p>
      {today} · {list.data ? `${list.data.length} cases` : 'loading'}
    </p>
  )
}

describe('the renderer’s today', () => {
  it('moves on at midnight in the team’s zone by its own timer, and the list is counted again', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout'] })
    // 23:59 in Kolkata (UTC+5:30), still 1 December there; in UTC it is only 18:29.
    vi.setSystemTime(new Date('2026-12-01T18:29:00Z'))
    const settings = Settings.parse({})
    settings.calendar.spec.timeZone = 'Asia/Kolkata'
    const list = vi.fn(async () => ({ ok: true as const, value: [] }))
    // Main says nothing here: no event arrives, so only the renderer's own timer can move the day.
    window.desk = {
      settings: { get: async () => ({ ok: true as const, value: settings }) },
      cases: { list },
      events: { on: () => () => {} },
    } as unknown as DeskApi

    render(
      <QueryClientProvider client={createDeskQueryClient()}>
        <LiveUpdates onNavigate={() => {}}>
          <TodayAndList />
        </LiveUpdates>
      </QueryClientProvider>,
    )
    await act(() => vi.advanceTimersByTimeAsync(10))
    expect(screen.getByText('2026-12-01 · 0 cases')).toBeInTheDocument()
    expect(list).toHaveBeenCalledTimes(1)

    await act(() => vi.advanceTimersByTimeAsync(60_000))

    expect(screen.getByText('2026-12-02 · 0 cases')).toBeInTheDocument()
    expect(list).toHaveBeenCalledTimes(2)
  })
})
