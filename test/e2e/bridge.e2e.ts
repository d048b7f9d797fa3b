import { afterEach, describe, expect, it } from 'vitest'
import { launchApp, type AppHarness } from './harness'

let app: AppHarness | undefined
afterEach(async () => {
  await app?.close()
  app = undefined
})

const report = {
  title: 'IDOR in the invoice API',
  reporter: { name: 'Sam Finder', email: 'sam@example.org' },
  received: { at: '2026-12-18T15:10:00.000Z', timeZone: 'Europe/Amsterdam' },
}

/** Starts recording, in the page, every payload of these events that arrives through desk.events.on. */
async function listenInPage(names: string[]): Promise<() => Promise<[string, unknown][]>> {
  await app!.page.evaluate((events) => {
    const heard: [string, unknown][] = []
    const desk = (window as unknown as { desk: { events: { on(n: string, l: (p: unknown) => void): () => void } } }).desk
    for (const name of events) desk.events.on(name, (payload) => heard.push([name, payload]))
    ;(window as unknown as { __heard: unknown }).__heard = heard
  }, names)
  return () => app!.page.evaluate(() => (window as unknown as { __heard: [string, unknown][] }).__heard)
}

describe('the e2e bridge', () => {
  it("delivers a colleague's write through the file watch, and a new team day when the clock passes midnight", async () => {
    // Mon 21 Dec 2026, 23:58 in Amsterdam.
    app = await launchApp({ clock: '2026-12-21T22:58:00Z' })
    const heard = await listenInPage(['case:changed', 'cases:changed', 'store:changedOnDisk', 'clock:dayChanged'])

    const colleague = await app.openColleagueStore()
    await colleague.cases.create(report)
    await expect.poll(heard, { timeout: 10_000 }).toEqual([
      ['cases:changed', {}],
      ['store:changedOnDisk', {}],
    ])

    expect(await app.page.evaluate(() => new Date().toISOString().slice(0, 16))).toBe('2026-12-21T22:58')
    await app.clock.fastForward(3 * 60_000)
    expect(app.clock.now().toISOString().slice(0, 16)).toBe('2026-12-21T23:01')
    expect(await app.page.evaluate(() => new Date().toISOString().slice(0, 16))).toBe('2026-12-21T23:01')
    await expect.poll(heard).toContainEqual(['clock:dayChanged', { today: '2026-12-22' }])
  })

  it("delivers this app's own changes and the menu's navigation to the page", async () => {
    app = await launchApp({ now: () => new Date('2026-12-21T09:00:00Z') })
    const heard = await listenInPage(['case:changed', 'app:navigate'])
    const created = await app.page.evaluate(async (input) => {
      const desk = (window as unknown as { desk: { cases: { create(i: unknown): Promise<{ ok: boolean; value: { id: string } }> } } }).desk
      return desk.cases.create(input)
    }, report)
    expect(created.ok).toBe(true)
    await app.emit({ name: 'app:navigate', payload: { to: '/settings' } })
    await expect.poll(heard).toEqual([
      ['case:changed', { id: created.value.id }],
      ['app:navigate', { to: '/settings' }],
    ])
    expect(app.events.map((e) => e.name)).toEqual(['case:changed', 'app:navigate'])
  })

  it("carries a dropped mail's bytes to main, runs the menu's import, and hands a mailto: link to the mail app as main does", async () => {
    app = await launchApp({ now: () => new Date('2026-12-21T09:00:00Z') })
    const eml = 'From: Sam Finder <sam@example.org>\r\nSubject: IDOR in the invoice API\r\nDate: Fri, 18 Dec 2026 16:10:00 +0100\r\n\r\nChanging the invoice number shows another invoice.\r\n'
    // The page sends a Uint8Array, as the drop handler does with a file's bytes; it must arrive as bytes, not as JSON.
    const parsed = await app.page.evaluate(async (text) => {
      const desk = (window as unknown as { desk: { intake: { parse(r: { bytes: Uint8Array }): Promise<{ ok: boolean; value: { ok: boolean; input: { title: string } } }> } } }).desk
      return desk.intake.parse({ bytes: new TextEncoder().encode(text) })
    }, eml)
    expect(parsed.ok && parsed.value.ok && parsed.value.input.title).toBe('IDOR in the invoice API')

    app.files.queueEml('report.eml', eml)
    const to = await app.importEmailFromMenu()
    expect(to).toMatch(/^\/import\/[0-9a-f-]{36}$/)
    expect(app.events.at(-1)).toEqual({ name: 'app:navigate', payload: { to } })

    const opened = await app.page.evaluate(async () => {
      const desk = (window as unknown as { desk: { drafts: { openMailto(r: unknown): Promise<unknown> } } }).desk
      return desk.drafts.openMailto({ to: ['sam@example.org'], subject: 'Re: IDOR', text: 'Thank you.' })
    })
    expect(opened).toEqual({ ok: true, value: { opened: true } })
    expect(app.files.mailto).toEqual(['mailto:sam@example.org?subject=Re%3A%20IDOR&body=Thank%20you.'])
  })
})
