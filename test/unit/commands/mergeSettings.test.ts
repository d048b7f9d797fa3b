import { describe, expect, it } from 'vitest'
import { settingsPartLabel } from '../../../src/i18n/partLabels'
import { compareSettings, mergedSettings, settingsParts } from '../../../src/settings/mergeSettings'
import { CalendarSettings, CalendarSpec } from '../../../src/calendar/spec'
import { Settings as SettingsSchema, TeamMember, type Settings } from '../../../src/settings/settings'
import { ana, ben, desk, refusalOf } from './fixture'

// Two people opened the settings (`base`) and each saved a change: the second save is made on `base` while the store
// already holds the first one. The command merges the two part by part.

const cleo = { id: 'm-cleo', name: 'Cleo Park', email: 'cleo@example.org' }
const dev = { id: 'm-dev', name: 'Dev Patel', email: 'dev@example.org' }

/** A store where the colleague's change (`theirs`, made on the settings as they were) is already saved. */
function afterColleague(theirs: (s: Settings) => Settings) {
  const d = desk()
  const base = d.doc.settings
  d.run({ type: 'settings.update', settings: theirs(base), base })
  return { d, base }
}

const withSpec = (s: Settings, spec: Partial<Settings['calendar']['spec']>): Settings => ({
  ...s,
  calendar: { ...s.calendar, spec: { ...s.calendar.spec, ...spec } },
})

describe('settings.update made on an older version of the settings', () => {
  it('keeps both members when each person added one, the colleague’s not marked removed, in their order then mine', () => {
    const { d, base } = afterColleague((s) => ({ ...s, team: [...s.team, cleo] }))
    const saved = d.run({ type: 'settings.update', settings: { ...base, team: [...base.team, dev] }, base })
    expect(saved.team).toEqual([ana, ben, cleo, dev])
    expect(d.doc.settings.team.find((m) => m.id === cleo.id)?.removed).toBeUndefined()
  })

  it('refuses both changing one member’s email differently, naming the member, and saves nothing', () => {
    const { d, base } = afterColleague((s) => ({ ...s, team: [ana, { ...ben, email: 'ben.okafor@example.org' }] }))
    const before = d.doc
    const error = refusalOf(() => d.run({ type: 'settings.update', settings: { ...base, team: [ana, { ...ben, email: 'b.okafor@example.org' }] }, base }))
    expect(error.code).toBe('conflict')
    expect(error.message).toBe(
      'Someone else saved the settings since you opened them, and changed the same thing: Team: Ben Okafor’s email. Nothing was saved.',
    )
    expect(d.doc).toBe(before)
    expect(d.doc.settings.team[1]!.email).toBe('ben.okafor@example.org')
  })

  it('lets both change a part to the same value, and keeps what only the colleague changed of the same member', () => {
    const { d, base } = afterColleague((s) => ({ ...s, team: [ana, { ...ben, email: 'ben@okafor.example', role: 'Security lead' }] }))
    const saved = d.run({ type: 'settings.update', settings: { ...base, team: [ana, { ...ben, email: 'ben@okafor.example', name: 'Ben O.' }] }, base })
    expect(saved.team[1]).toEqual({ ...ben, email: 'ben@okafor.example', name: 'Ben O.', role: 'Security lead' })
  })

  it('keeps a member this person left out as removed, while keeping the colleague’s edit of someone else', () => {
    const { d, base } = afterColleague((s) => ({ ...s, team: [{ ...ana, role: 'CISO' }, ben] }))
    const saved = d.run({ type: 'settings.update', settings: { ...base, team: [ana] }, base })
    expect(saved.team).toEqual([{ ...ana, role: 'CISO' }, { ...ben, removed: true }])
  })

  it('takes this person’s removal of a member and keeps the colleague’s fix of that member’s email: different parts', () => {
    const { d, base } = afterColleague((s) => ({ ...s, team: [ana, { ...ben, email: 'ben.okafor@example.org' }] }))
    const saved = d.run({ type: 'settings.update', settings: { ...base, team: [ana, { ...ben, removed: true }] }, base })
    expect(saved.team[1]).toEqual({ ...ben, email: 'ben.okafor@example.org', removed: true })
  })

  it('keeps a colleague bringing a removed member back while this person fixed that member’s email', () => {
    const d = desk()
    d.run({ type: 'settings.update', settings: { ...d.doc.settings, team: [ana] } })
    const base = d.doc.settings
    d.run({ type: 'settings.update', settings: { ...base, team: [ana, { ...ben, removed: false }] }, base })
    const saved = d.run({ type: 'settings.update', settings: { ...base, team: [ana, { ...ben, removed: true, email: 'ben@new.example' }] }, base })
    expect(saved.team[1]).toEqual({ ...ben, email: 'ben@new.example' })
  })

  it('merges calendar parts: the colleague’s closures and this person’s time zone; the same key changed differently clashes', () => {
    const { d, base } = afterColleague((s) => withSpec(s, { closures: ['2026-12-24'] }))
    const saved = d.run({ type: 'settings.update', settings: withSpec(base, { timeZone: 'Europe/Brussels' }), base })
    expect(saved.calendar.spec).toMatchObject({ closures: ['2026-12-24'], timeZone: 'Europe/Brussels' })

    const clash = refusalOf(() => d.run({ type: 'settings.update', settings: withSpec(base, { closures: ['2026-12-31'] }), base }))
    expect(clash.code).toBe('conflict')
    expect(clash.message).toContain('changed the same thing: Calendar: closures.')
    expect(d.doc.settings.calendar.spec.closures).toEqual(['2026-12-24'])
  })

  it('takes the place (country, state and region) as one part: a colleague’s other country and this person’s state clash there', () => {
    const de = (s: Settings) => withSpec(s, { country: 'DE', state: undefined, region: undefined, timeZone: undefined })
    const d = desk()
    d.run({ type: 'settings.update', settings: de(d.doc.settings) })
    const base = d.doc.settings
    d.run({ type: 'settings.update', settings: withSpec(base, { country: 'AT' }), base })
    const before = d.doc
    const error = refusalOf(() => d.run({ type: 'settings.update', settings: withSpec(base, { state: 'BY' }), base }))
    expect(error.code).toBe('conflict')
    expect(error.message).toBe(
      'Someone else saved the settings since you opened them, and changed the same thing: Calendar: country and region. Nothing was saved.',
    )
    expect(d.doc).toBe(before)
    const edits = compareSettings(base, withSpec(base, { state: 'BY' }), d.doc.settings)
    expect(edits).toEqual([
      { part: 'calendar.spec.place', base: { country: 'DE' }, mine: { country: 'DE', state: 'BY' }, theirs: { country: 'AT' }, side: 'both' },
    ])
    expect(mergedSettings(edits, d.doc.settings, { 'calendar.spec.place': 'mine' }).calendar.spec).toMatchObject({ country: 'DE', state: 'BY' })
    const theirs = mergedSettings(edits, d.doc.settings, { 'calendar.spec.place': 'theirs' }).calendar.spec
    expect([theirs.country, 'state' in theirs]).toEqual(['AT', false])
  })

  it('takes this person’s whole place, a state cleared with it, next to the colleague’s closures', () => {
    const d = desk()
    d.run({ type: 'settings.update', settings: withSpec(d.doc.settings, { country: 'DE', state: 'BY', timeZone: undefined }) })
    const base = d.doc.settings
    d.run({ type: 'settings.update', settings: withSpec(base, { closures: ['2026-12-24'] }), base })
    const saved = d.run({ type: 'settings.update', settings: withSpec(base, { country: 'AT', state: undefined }), base })
    expect(saved.calendar.spec.country).toBe('AT')
    expect('state' in saved.calendar.spec).toBe(false)
    expect(saved.calendar.spec.closures).toEqual(['2026-12-24'])
  })

  it('names every clashing part, the calendar’s in the calendar screen’s words', () => {
    const { d, base } = afterColleague((s) => ({ ...withSpec(s, { timeZone: 'Europe/London' }), organisation: 'Example B.V.' }))
    const error = refusalOf(() =>
      d.run({ type: 'settings.update', settings: { ...withSpec(base, { timeZone: 'Europe/Paris' }), organisation: 'Example N.V.' }, base }),
    )
    expect(error.message).toBe(
      'Someone else saved the settings since you opened them, and changed the same things: Organisation and Calendar: time zone. Nothing was saved.',
    )
  })

  it('without a base, is made on the settings as stored: a member left out is removed, as before', () => {
    const d = desk()
    expect(d.run({ type: 'settings.update', settings: { ...d.doc.settings, team: [ana] } }).team).toEqual([ana, { ...ben, removed: true }])
  })

  it('checks the merged settings: a colleague’s new member with the email this person gave someone else is refused at that field', () => {
    const { d, base } = afterColleague((s) => ({ ...s, team: [...s.team, cleo] }))
    const error = refusalOf(() => d.run({ type: 'settings.update', settings: { ...base, team: [...base.team, { ...dev, email: cleo.email }] }, base }))
    expect(error.issues).toEqual([{ path: 'team.2.email', message: 'Cleo Park already has this email address; each member needs their own' }])
  })
})

describe('the settings merge itself', () => {
  it('lists one part per member field, theirs’ members first, and keeps mine on a choice', () => {
    const base: Settings = desk().doc.settings
    const theirs = { ...base, team: [ana, { ...ben, email: 'theirs@example.org' }] }
    const mine = { ...base, team: [ana, { ...ben, email: 'mine@example.org' }] }
    expect(settingsParts(base, mine, theirs).filter((p) => p.startsWith('team.'))).toEqual([
      'team.m-ana.name',
      'team.m-ana.email',
      'team.m-ana.role',
      'team.m-ana.signature',
      'team.m-ana.removed',
      'team.m-ben.name',
      'team.m-ben.email',
      'team.m-ben.role',
      'team.m-ben.signature',
      'team.m-ben.removed',
    ])
    const edits = compareSettings(base, mine, theirs)
    expect(edits).toEqual([{ part: 'team.m-ben.email', base: ben.email, mine: 'mine@example.org', theirs: 'theirs@example.org', side: 'both' }])
    expect(() => mergedSettings(edits, theirs)).toThrow('No choice made for team.m-ben.email')
    expect(mergedSettings(edits, theirs, { 'team.m-ben.email': 'mine' }).team[1]!.email).toBe('mine@example.org')
    expect(mergedSettings(edits, theirs, { 'team.m-ben.email': 'theirs' }).team[1]!.email).toBe('theirs@example.org')
  })

  it('clears an optional value this person cleared, and labels a member part by the member’s name', () => {
    const base: Settings = { ...desk().doc.settings, team: [{ ...ana, role: 'CISO' }] }
    const mine = { ...base, team: [ana] }
    const merged = mergedSettings(compareSettings(base, mine, base), base)
    expect(merged.team[0]).toEqual(ana)
    expect('role' in merged.team[0]!).toBe(false)
    expect(settingsPartLabel('team.m-ana.role', [mine.team])).toBe('Team: Ana Silva’s role')
    expect(settingsPartLabel('team.a.b.c.email', [[{ ...ana, id: 'a.b.c' }]])).toBe('Team: Ana Silva’s email')
    expect(settingsPartLabel('calendar.spec.timeZone', [])).toBe('Calendar: time zone')
    expect(settingsPartLabel('defaultPolicyId', [])).toBe('Default policy')
  })
})

describe('every setting is a part', () => {
  // A setting added to the schema but not to the parts would be dropped from every save made on an older version.
  it('lists a part for a change of each key of the settings, the calendar and a team member', () => {
    const base: Settings = { ...desk().doc.settings, team: [ana] }
    const changed = (mine: Settings) => compareSettings(base, mine, base).map((e) => e.part)
    const other = (value: unknown) => (typeof value === 'boolean' ? !value : Array.isArray(value) ? ['other'] : 'other')
    // The place is one part (see below); every other key of the calendar a part of its own.
    const partOf = (key: string) => (['country', 'state', 'region'].includes(key) ? 'calendar.spec.place' : `calendar.spec.${key}`)
    for (const key of Object.keys(CalendarSpec.shape) as (keyof Settings['calendar']['spec'])[]) {
      expect(changed(withSpec(base, { [key]: other(base.calendar.spec[key]) }))).toEqual([partOf(key)])
    }
    for (const key of Object.keys(CalendarSettings.shape).filter((k) => k !== 'spec') as ('endOfWorkingDay' | 'afterHoursCountsNextDay')[]) {
      expect(changed({ ...base, calendar: { ...base.calendar, [key]: other(base.calendar[key]) } })).toEqual([`calendar.${key}`])
    }
    for (const key of Object.keys(TeamMember.shape).filter((k) => k !== 'id') as (keyof TeamMember)[]) {
      expect(changed({ ...base, team: [{ ...ana, [key]: key === 'removed' ? true : 'other' }] })).toEqual([`team.m-ana.${key}`])
    }
    for (const key of Object.keys(SettingsSchema.shape).filter((k) => k !== 'team' && k !== 'calendar') as ('organisation' | 'defaultPolicyId')[]) {
      expect(changed({ ...base, [key]: 'other' })).toEqual([key])
    }
  })
})
