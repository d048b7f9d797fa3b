import { mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { CaseInput } from '../../src/cases/case'
import { canTransition } from '../../src/cases/lifecycle'
import { DeskError } from '../../src/errors'
import type { Policy } from '../../src/policies/policy'
import { openStore, type Store } from '../../src/store'

let dir: string
let file: string
let clock: Date
let ids: number
const options = () => ({ now: () => clock, newId: () => `id-${++ids}` })

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'desk-store-'))
  file = join(dir, 'store.json')
  clock = new Date('2026-03-04T09:30:00.000Z')
  ids = 0
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const idor: CaseInput = {
  title: 'IDOR in invoice API',
  reporter: { name: 'Lena Fischer', email: 'lena@fischer.example', handle: 'lfischer' },
  received: { at: '2026-03-02T16:10:00+01:00', timeZone: 'Europe/Amsterdam' },
  asset: 'api.example.com',
  reportText: 'GET /v2/invoices/100231 returns another customer’s invoice.',
}

async function rejection(promise: Promise<unknown>): Promise<DeskError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(DeskError)
  return error as DeskError
}

async function withStore(run: (store: Store) => Promise<void>) {
  const store = await openStore(file, options())
  try {
    await run(store)
  } finally {
    await store.close()
  }
}

describe('creating cases', () => {
  it('creates a received case with key, defaults, pinned calendar and a created event', () =>
    withStore(async (store) => {
      const c = await store.cases.create(idor)
      expect(c).toEqual({
        ...idor,
        reporter: { ...idor.reporter, language: 'en' },
        id: 'id-1',
        key: 'VD-2026-001',
        channel: 'email',
        severity: { kind: 'unrated' },
        tags: [],
        status: 'received',
        credit: { choice: 'not_asked', cveCreditType: 'finder' },
        reward: { currency: 'EUR', swag: false, status: 'none' },
        policyId: 'aimms',
        calendar: store.settings.get().calendar,
        timeline: [{ id: 'id-2', at: '2026-03-04T09:30:00.000Z', by: 'You', type: 'created' }],
        sample: false,
        revision: 1,
        createdAt: '2026-03-04T09:30:00.000Z',
        updatedAt: '2026-03-04T09:30:00.000Z',
      })
      expect(store.cases.get('id-1')).toEqual(c)
    }))

  it('numbers keys per year of receipt as the reporter’s clock showed it', () =>
    withStore(async (store) => {
      await store.cases.create(idor)
      const newYearsEve = await store.cases.create({ ...idor, received: { at: '2025-12-31T23:30:00+01:00', timeZone: 'Europe/Amsterdam' } })
      const second = await store.cases.create(idor)
      expect([newYearsEve.key, second.key]).toEqual(['VD-2025-001', 'VD-2026-002'])
    }))

  it('takes a case off its assignee when the patch sends null, and records it once', () =>
    withStore(async (store) => {
      const c = await store.cases.create({ ...idor, assigneeId: 'm1' })
      const unassigned = await store.cases.update(c.id, { assigneeId: null }, 1)
      expect(unassigned.assigneeId).toBeUndefined()
      expect(unassigned.timeline.at(-1)).toMatchObject({ type: 'field_changed', field: 'assigneeId', from: 'm1', to: '(none)' })
      const again = await store.cases.update(c.id, { assigneeId: null }, 2)
      expect(again.revision).toBe(2)
      expect(JSON.parse(await readFile(file, 'utf8')).cases[0]).not.toHaveProperty('assigneeId')
    }))

  it('records the current team member as actor and uses the chosen policy', () =>
    withStore(async (store) => {
      await store.settings.update({ ...store.settings.get(), team: [{ id: 'm1', name: 'Anna Smit', email: 'anna@example.com' }], currentMemberId: 'm1' })
      const c = await store.cases.create({ ...idor, policyId: 'ikuu' })
      expect(c.timeline[0]!.by).toBe('Anna Smit')
      expect(c.policyId).toBe('ikuu')
    }))

  it('refuses an invalid reporter email and writes nothing', () =>
    withStore(async (store) => {
      const before = await readFile(file, 'utf8')
      const error = await rejection(store.cases.create({ ...idor, reporter: { name: 'X', email: 'x@' } }))
      expect(error.code).toBe('invalid_input')
      expect(error.message).toBe('The case was not saved. reporter.email: Enter a valid email address')
      expect(await readFile(file, 'utf8')).toBe(before)
      expect(store.cases.list()).toEqual([])
    }))

  it('keeps hostile text exactly as written', () =>
    withStore(async (store) => {
      const hostile = '<script>alert(1)</script>\r\nBcc: all@example.com =HYPERLINK("https://evil.example")'
      const c = await store.cases.create({ ...idor, title: hostile, reportText: hostile })
      const reopened = await openStore(file)
      expect(reopened.cases.get(c.id)).toMatchObject({ title: hostile, reportText: hostile })
      await reopened.close()
    }))
})

describe('reading back', () => {
  it('sees the same cases, settings and policies after reopening the file', async () => {
    let snapshot: unknown
    await withStore(async (store) => {
      const c = await store.cases.create(idor)
      await store.cases.addNote(c.id, 'Reproduced on staging.')
      await store.policies.save(policy)
      snapshot = { cases: store.cases.list(), settings: store.settings.get(), policies: store.policies.list() }
    })
    await withStore(async (store) => {
      expect({ cases: store.cases.list(), settings: store.settings.get(), policies: store.policies.list() }).toEqual(snapshot)
    })
  })

  it('reports an unknown case id as not found', () =>
    withStore(async (store) => {
      expect(() => store.cases.get('nope')).toThrow('There is no case with id nope in this store; it may have been removed. Reload the case list.')
      expect((await rejection(store.cases.addNote('nope', 'x'))).code).toBe('not_found')
    }))
})

describe('updating cases', () => {
  it('records one readable field_changed event per changed field and bumps the revision', () =>
    withStore(async (store) => {
      const c = await store.cases.create(idor)
      clock = new Date('2026-03-05T08:00:00.000Z')
      const updated = await store.cases.update(
        c.id,
        {
          title: 'IDOR in invoice API exposes all invoices',
          asset: 'api.example.com',
          reportText: 'x'.repeat(2345),
          severity: { kind: 'cvss', version: '3.1', vector: 'CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:N/A:N', score: 6.5, rating: 'medium' },
          tags: ['idor', 'api'],
        },
        1,
      )
      expect(updated.revision).toBe(2)
      expect(updated.updatedAt).toBe('2026-03-05T08:00:00.000Z')
      expect(updated.reportText).toHaveLength(2345)
      expect(updated.timeline.slice(1).map((e) => (e.type === 'field_changed' ? [e.field, e.from, e.to] : e.type))).toEqual([
        ['title', 'IDOR in invoice API', 'IDOR in invoice API exposes all invoices'],
        ['reportText', '(59 characters)', '(2,345 characters)'],
        ['severity', 'Unrated', '6.5 medium (CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:N/A:N)'],
        ['tags', '(none)', 'idor, api'],
      ])
      expect(updated.timeline.at(-1)).toMatchObject({ at: '2026-03-05T08:00:00.000Z', by: 'You' })
    }))

  it('leaves fields the patch does not name untouched', () =>
    withStore(async (store) => {
      const c = await store.cases.create({ ...idor, tags: ['idor'] })
      const updated = await store.cases.update(c.id, { title: 'Renamed' })
      expect(updated).toMatchObject({ reportText: idor.reportText, asset: 'api.example.com', tags: ['idor'], channel: 'email' })
    }))

  it('does not write or bump the revision when nothing changes', () =>
    withStore(async (store) => {
      const c = await store.cases.create(idor)
      const before = await readFile(file, 'utf8')
      expect(await store.cases.update(c.id, { title: idor.title }, 1)).toEqual(c)
      expect(await readFile(file, 'utf8')).toBe(before)
    }))

  it('refuses a stale revision with a conflict and keeps the other change', () =>
    withStore(async (store) => {
      const c = await store.cases.create(idor)
      await store.cases.update(c.id, { title: 'Changed by Anna' }, 1)
      const error = await rejection(store.cases.update(c.id, { title: 'Changed by me' }, 1))
      expect(error.code).toBe('conflict')
      expect(error.message).toBe(
        'This case was changed by someone else since you opened it (VD-2026-001 is now at revision 2, you edited revision 1). Reload the case and make your change again; nothing was saved.',
      )
      expect(store.cases.get(c.id).title).toBe('Changed by Anna')
    }))

  it('refuses an invalid patch, leaving the file byte-identical and the case unchanged', () =>
    withStore(async (store) => {
      const c = await store.cases.create(idor)
      const before = await readFile(file, 'utf8')
      const error = await rejection(store.cases.update(c.id, { title: 'Fine', credit: { url: 'javascript:alert(1)' } }, 1))
      expect(error.code).toBe('invalid_input')
      expect(error.issues).toEqual([{ path: 'credit.url', message: 'Use an http or https address' }])
      expect(await readFile(file, 'utf8')).toBe(before)
      expect(store.cases.get(c.id)).toEqual(c)
    }))
})

describe('moving cases through the lifecycle', () => {
  it('records status changes and refuses a jump with the allowed next states', () =>
    withStore(async (store) => {
      const c = await store.cases.create(idor)
      const error = await rejection(store.cases.transition(c.id, { to: 'published' }))
      expect(error.code).toBe('invalid_transition')
      expect(error.message).toBe('A case that is Received cannot move to Published. Allowed: Acknowledged, Needs info, Evaluating, Closed.')
      const acked = await store.cases.transition(c.id, { to: 'acknowledged', comment: 'Thanked the reporter' }, 1)
      expect(acked).toMatchObject({ status: 'acknowledged', revision: 2 })
      expect(acked.timeline.slice(-2)).toEqual([
        {
          id: 'id-4',
          at: '2026-03-04T09:30:00.000Z',
          by: 'You',
          type: 'status_changed',
          from: 'received',
          to: 'acknowledged',
          comment: 'Thanked the reporter',
        },
        {
          id: 'id-5',
          at: '2026-03-04T09:30:00.000Z',
          by: 'You',
          type: 'milestone',
          milestone: 'acknowledgement_sent',
          on: '2026-03-04T09:30:00.000Z',
          comment: 'With the move to Acknowledged',
        },
      ])
    }))

  it('records the milestone of a status only once: an acknowledgement already recorded is not recorded again', () =>
    withStore(async (store) => {
      const c = await store.cases.create(idor)
      await store.cases.recordMilestone(c.id, { milestone: 'acknowledgement_sent', on: '2026-03-03T16:00:00.000Z' })
      const acked = await store.cases.transition(c.id, { to: 'acknowledged' })
      const milestones = acked.timeline.filter((e) => e.type === 'milestone')
      expect(milestones.map((e) => (e.type === 'milestone' ? [e.milestone, e.on] : []))).toEqual([
        ['acknowledgement_sent', '2026-03-03T16:00:00.000Z'],
      ])
      const evaluating = await store.cases.transition(c.id, { to: 'evaluating' })
      expect(evaluating.timeline.filter((e) => e.type === 'milestone')).toHaveLength(1)
    }))

  it('walks a case from received to published and closes it as completed', () =>
    withStore(async (store) => {
      const c = await store.cases.create(idor)
      for (const to of ['acknowledged', 'evaluating', 'accepted', 'resolved', 'published'] as const) {
        await store.cases.transition(c.id, { to })
      }
      const closed = await store.cases.transition(c.id, { to: 'closed', closingReason: 'completed' })
      expect(closed).toMatchObject({ status: 'closed', closingReason: 'completed', revision: 7 })
      const reopened = await store.cases.transition(c.id, { to: 'evaluating' })
      expect(reopened.closingReason).toBeUndefined()
    }))

  it('refuses closing an unfixed case as completed', () =>
    withStore(async (store) => {
      const c = await store.cases.create(idor)
      const error = await rejection(store.cases.transition(c.id, { to: 'closed', closingReason: 'completed' }))
      expect(error.message).toBe(
        'A case that is Received cannot be closed as Completed. Allowed: Duplicate, Out of scope, Not applicable, Informative, Spam, Withdrawn.',
      )
    }))

  it('closes a duplicate naming the original by key or id and stores the original’s id', () =>
    withStore(async (store) => {
      const original = await store.cases.create(idor)
      const dup = await store.cases.create(idor)
      const closed = await store.cases.transition(dup.id, { to: 'closed', closingReason: 'duplicate', duplicateOf: 'vd-2026-001' })
      expect(closed).toMatchObject({ closingReason: 'duplicate', duplicateOf: original.id })
      const third = await store.cases.create(idor)
      expect((await store.cases.transition(third.id, { to: 'closed', closingReason: 'duplicate', duplicateOf: original.id })).duplicateOf).toBe(original.id)
    }))

  it('refuses a duplicate of an unknown case or of itself', () =>
    withStore(async (store) => {
      const c = await store.cases.create(idor)
      const unknown = await rejection(store.cases.transition(c.id, { to: 'closed', closingReason: 'duplicate', duplicateOf: 'VD-2026-099' }))
      expect(unknown.issues).toEqual([{ path: 'duplicateOf', message: 'There is no case VD-2026-099 in this store to be the original of this duplicate' }])
      const itself = await rejection(store.cases.transition(c.id, { to: 'closed', closingReason: 'duplicate', duplicateOf: c.key }))
      expect(itself.issues[0]!.message).toBe('A case cannot be a duplicate of itself')
      expect(store.cases.get(c.id).status).toBe('received')
    }))
})

describe('notes, milestones and calendars', () => {
  it('adds a trimmed note and refuses an empty one', () =>
    withStore(async (store) => {
      const c = await store.cases.create(idor)
      const noted = await store.cases.addNote(c.id, '  Could not reproduce on prod.  ')
      expect(noted.timeline.at(-1)).toMatchObject({ type: 'note', text: 'Could not reproduce on prod.' })
      expect((await rejection(store.cases.addNote(c.id, '   '))).message).toBe('Write a note first.')
    }))

  it('records a milestone on an earlier date and refuses a date without offset', () =>
    withStore(async (store) => {
      const c = await store.cases.create(idor)
      const done = await store.cases.recordMilestone(c.id, { milestone: 'acknowledgement_sent', on: '2026-03-03T10:00:00+01:00', comment: 'By mail' })
      expect(done.timeline.at(-1)).toEqual({
        id: 'id-3',
        at: '2026-03-04T09:30:00.000Z',
        by: 'You',
        type: 'milestone',
        milestone: 'acknowledgement_sent',
        on: '2026-03-03T10:00:00+01:00',
        comment: 'By mail',
      })
      const error = await rejection(store.cases.recordMilestone(c.id, { milestone: 'fix_released', on: '2026-03-03 10:00' }))
      expect(error.issues.map((i) => i.path)).toEqual(['on'])
    }))

  it('keeps the calendar a case was received under until it is repinned', () =>
    withStore(async (store) => {
      const c = await store.cases.create(idor)
      const settings = store.settings.get()
      const belgian = { ...settings.calendar, spec: { ...settings.calendar.spec, country: 'BE' } }
      await store.settings.update({ ...settings, calendar: belgian })
      expect(store.cases.get(c.id).calendar.spec.country).toBe('NL')
      const repinned = await store.cases.repinCalendar(c.id)
      expect(repinned.calendar).toEqual(belgian)
      expect(repinned.timeline.at(-1)).toMatchObject({ type: 'calendar_repinned' })
    }))
})

const policy: Policy = {
  id: 'team-policy',
  name: 'Our policy',
  text: 'We acknowledge within 2 business days.',
  rules: [
    {
      id: 'ack',
      due: 'acknowledgement',
      quote: 'We acknowledge within 2 business days.',
      reading: '',
      from: 'received',
      metBy: 'acknowledgement_sent',
      amount: 2,
      unit: 'business_days',
    },
  ],
}

describe('settings and policies', () => {
  it('refuses a current member who is not on the team', () =>
    withStore(async (store) => {
      const error = await rejection(store.settings.update({ ...store.settings.get(), currentMemberId: 'ghost' }))
      expect(error.issues).toEqual([{ path: 'currentMemberId', message: 'Choose yourself from the team list' }])
    }))

  it('saves, replaces in place and removes a team policy, but not one that cases use', () =>
    withStore(async (store) => {
      await store.policies.save(policy)
      await store.policies.save({ ...policy, id: 'other', name: 'Other' })
      await store.policies.save({ ...policy, name: 'Our policy v2' })
      expect(store.policies.list().map((p) => p.name)).toEqual(['Our policy v2', 'Other'])
      await store.cases.create({ ...idor, policyId: 'team-policy' })
      expect((await rejection(store.policies.remove('team-policy'))).message).toBe(
        'The policy “Our policy v2” was not removed: 1 case(s) use it (VD-2026-001).',
      )
      await store.policies.remove('other')
      expect(store.policies.list().map((p) => p.id)).toEqual(['team-policy'])
      expect((await rejection(store.policies.remove('other'))).code).toBe('not_found')
    }))
})

describe('sample cases', () => {
  it('loads a dozen samples once, covering every status, and removes only them', () =>
    withStore(async (store) => {
      const own = await store.cases.create(idor)
      expect(await store.samples.load()).toBe(12)
      expect(await store.samples.load()).toBe(0)
      const samples = store.cases.list().filter((c) => c.sample)
      expect(samples).toHaveLength(12)
      expect(new Set(samples.map((c) => c.status))).toEqual(
        new Set(['received', 'acknowledged', 'needs_info', 'evaluating', 'accepted', 'resolved', 'published', 'closed']),
      )
      expect(samples.filter((c) => c.status === 'closed').map((c) => c.closingReason).sort()).toEqual(['duplicate', 'out_of_scope', 'spam'])
      for (const c of samples) expect(store.cases.get(c.id)).toBe(c)
      expect(await store.samples.remove()).toBe(12)
      expect(store.cases.list()).toEqual([own])
      expect(await store.samples.remove()).toBe(0)
    }))

  it('gives samples keys in order of arrival and histories that follow the lifecycle', () =>
    withStore(async (store) => {
      await store.samples.load()
      const samples = store.cases.list()
      expect(samples.map((c) => c.received.at).map((at) => Date.parse(at))).toEqual(
        samples.map((c) => Date.parse(c.received.at)).sort((a, b) => a - b),
      )
      for (const c of samples) {
        let status = 'received'
        for (const e of c.timeline) {
          expect(Date.parse(e.at)).toBeLessThanOrEqual(clock.getTime())
          if (e.type !== 'status_changed') continue
          expect(e.from).toBe(status)
          expect(canTransition(e.from, e.to)).toBe(true)
          status = e.to
        }
        expect(c.status).toBe(status)
      }
      const duplicate = samples.find((c) => c.closingReason === 'duplicate')!
      expect(store.cases.get(duplicate.duplicateOf!).title).toBe('Stored XSS in markdown preview of comments')
    }))
})

describe('two team members on one file', () => {
  it('re-reads the file before writing, so neither loses the other’s cases', async () => {
    const anna = await openStore(file, options())
    const ben = await openStore(file, options())
    const a = await anna.cases.create(idor)
    const b = await ben.cases.create({ ...idor, title: 'SPF missing' })
    expect(b.key).toBe('VD-2026-002')
    await anna.cases.addNote(a.id, 'Anna was here')
    expect(anna.cases.list().map((c) => c.title)).toEqual(['IDOR in invoice API', 'SPF missing'])
    await Promise.all([anna.close(), ben.close()])
    await withStore(async (store) => {
      expect(store.cases.list().map((c) => [c.key, c.revision])).toEqual([
        ['VD-2026-001', 2],
        ['VD-2026-002', 1],
      ])
    })
  })

  it('sees a case the other one created after syncing, without writing', async () => {
    const anna = await openStore(file, options())
    const ben = await openStore(file, options())
    await anna.cases.create(idor)
    expect(ben.cases.list()).toEqual([])
    const before = await readFile(file, 'utf8')
    await ben.sync()
    expect(ben.cases.list().map((c) => c.title)).toEqual(['IDOR in invoice API'])
    expect(await readFile(file, 'utf8')).toBe(before)
    await Promise.all([anna.close(), ben.close()])
  })

  it('loses no case when both save at the same moment, again and again', async () => {
    const anna = await openStore(file, options())
    const ben = await openStore(file, options())
    const titles = Array.from({ length: 12 }, (_, i) => `Report ${i + 1}`)
    await Promise.all(titles.map((title, i) => (i % 2 ? ben : anna).cases.create({ ...idor, title })))
    await Promise.all([anna.close(), ben.close()])
    await withStore(async (store) => {
      expect(store.cases.list().map((c) => c.title).sort()).toEqual([...titles].sort())
      expect(new Set(store.cases.list().map((c) => c.key)).size).toBe(12)
    })
  })

  it('turns a stale edit of the same case into a conflict', async () => {
    const anna = await openStore(file, options())
    const c = await anna.cases.create(idor)
    const ben = await openStore(file, options())
    await ben.cases.update(c.id, { title: 'Ben’s title' }, 1)
    const error = await rejection(anna.cases.update(c.id, { title: 'Anna’s title' }, 1))
    expect(error.code).toBe('conflict')
    expect(anna.cases.get(c.id).title).toBe('Ben’s title')
    await Promise.all([anna.close(), ben.close()])
  })

  it('refuses to write over a file another program broke, leaving it as it is', async () => {
    const store = await openStore(file, options())
    await writeFile(file, '{"schemaVersion": 1, "cases": [')
    await utimes(file, new Date(), new Date(Date.now() + 5000))
    const error = await rejection(store.cases.create(idor))
    expect(error.code).toBe('store_unavailable')
    expect(error.message).toMatch(/^Another program changed .* and it now is cut off/)
    expect(await readFile(file, 'utf8')).toBe('{"schemaVersion": 1, "cases": [')
    await store.close()
  })
})

describe('writing', () => {
  it('replaces the file atomically through a temporary file that does not remain', () =>
    withStore(async (store) => {
      await store.cases.create(idor)
      const { readdir } = await import('node:fs/promises')
      expect(await readdir(dir)).toEqual(['store.json'])
    }))

  it('serialises concurrent changes so none is lost', () =>
    withStore(async (store) => {
      await Promise.all(Array.from({ length: 5 }, (_, i) => store.cases.create({ ...idor, title: `Report ${i}` })))
      const reopened = await openStore(file)
      expect(reopened.cases.list().map((c) => c.key)).toEqual(['VD-2026-001', 'VD-2026-002', 'VD-2026-003', 'VD-2026-004', 'VD-2026-005'])
      await reopened.close()
    }))

  it('refuses use after close', async () => {
    const store = await openStore(file, options())
    await store.close()
    expect(() => store.cases.list()).toThrow(`The store ${file} has been closed. Open it again to continue.`)
    expect((await rejection(store.cases.create(idor))).code).toBe('store_unavailable')
  })
})
