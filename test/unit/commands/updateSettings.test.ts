import { describe, expect, it } from 'vitest'
import type { Settings } from '../../../src/settings/settings'
import { ana, ben, desk, refusalOf } from './fixture'

const withSettings = (change: (s: Settings) => Settings) => {
  const d = desk()
  return { d, settings: change(d.doc.settings) }
}

describe('settings.update', () => {
  it('refuses a default policy that does not exist', () => {
    const { d, settings } = withSettings((s) => ({ ...s, defaultPolicyId: 'gone' }))
    expect(refusalOf(() => d.run({ type: 'settings.update', settings })).issues).toEqual([
      { path: 'defaultPolicyId', message: 'Choose one of the policies listed' },
    ])
  })

  it('refuses a calendar country that date-holidays does not know', () => {
    const { d, settings } = withSettings((s) => ({ ...s, calendar: { ...s.calendar, spec: { ...s.calendar.spec, country: 'XX' } } }))
    const error = refusalOf(() => d.run({ type: 'settings.update', settings }))
    expect(error.message).toBe('Choose a country from the list.')
    expect(error.issues).toEqual([{ path: 'calendar.spec.country', message: 'Choose a country from the list' }])
  })

  it('refuses the same team member twice: two entries with one email address, whatever its case', () => {
    const { d, settings } = withSettings((s) => ({ ...s, team: [ana, { id: 'm-new', name: 'A. Silva', email: 'ANA@example.org' }] }))
    expect(refusalOf(() => d.run({ type: 'settings.update', settings })).issues).toEqual([
      { path: 'team.1.email', message: 'Ana Silva already has this email address; each member needs their own' },
    ])
  })

  it('names a bad email at its member’s field, in the user’s words', () => {
    const { d, settings } = withSettings((s) => ({ ...s, team: [ana, { ...ben, email: 'ben@' }] }))
    const error = refusalOf(() => d.run({ type: 'settings.update', settings }))
    expect(error.message).toBe('The change to the settings was not saved. Enter a valid email address.')
    expect(error.issues).toEqual([{ path: 'team.1.email', message: 'Enter a valid email address' }])
  })

  it('keeps a member left out of the new list as removed, and refuses a removed member as “me”', () => {
    const { d, settings } = withSettings((s) => ({ ...s, team: [ana] }))
    const saved = d.run({ type: 'settings.update', settings })
    expect(saved.team).toEqual([ana, { ...ben, removed: true }])
    const error = refusalOf(() => d.run({ type: 'settings.update', settings: { ...saved, currentMemberId: ben.id } }))
    expect(error.issues).toEqual([{ path: 'currentMemberId', message: 'Choose yourself from the team list' }])
  })

  it('tells the screens only when something changed', () => {
    const d = desk()
    const before = d.doc
    d.run({ type: 'settings.update', settings: d.doc.settings })
    expect(d.doc).toBe(before)
  })
})
