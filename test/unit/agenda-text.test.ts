import { describe, expect, it } from 'vitest'
import { AgendaKind } from '../../src/agenda/agendaEntry'
import { chipTones } from '../../src/agenda/chipTone'
import { agendaKindLabel, agendaKindShortLabel, agendaSummary, chipToneLabel, draftActionText, otherZoneText } from '../../src/i18n/agendaText'

describe('the words of the calendar', () => {
  it('names every kind of entry in English and Dutch, each differently', () => {
    expect(agendaKindLabel('acknowledgement', 'en')).toBe('Acknowledgement')
    expect(agendaKindLabel('publication', 'en')).toBe('Publication')
    expect(agendaKindLabel('evaluation', 'nl')).toBe('Beoordeling')
    for (const lang of ['en', 'nl'] as const) {
      const labels = AgendaKind.options.map((k) => agendaKindLabel(k, lang))
      expect(new Set(labels).size).toBe(AgendaKind.options.length)
    }
  })

  it('has a short label of at most 10 characters for every kind, each differently, for narrow month chips', () => {
    expect(agendaKindShortLabel('acknowledgement', 'en')).toBe('Ack.')
    expect(agendaKindShortLabel('resolution', 'en')).toBe('Fix date')
    for (const lang of ['en', 'nl'] as const) {
      const labels = AgendaKind.options.map((k) => agendaKindShortLabel(k, lang))
      expect(new Set(labels).size).toBe(AgendaKind.options.length)
      for (const label of labels) expect(label.length).toBeLessThanOrEqual(10)
    }
  })

  it('names the chip tones as the legend shows them', () => {
    expect(chipTones.map((t) => chipToneLabel(t, 'en'))).toEqual(['Overdue', 'Due today', 'Due this week', 'Later', 'Met', 'Waiting for the reporter'])
    expect(chipToneLabel('overdue', 'nl')).toBe('Te laat')
  })

  it('writes the private event title with the case key and what is due only', () => {
    expect(agendaSummary('VD-2026-007', 'evaluation', 'en')).toBe('VD-2026-007: evaluation due')
    expect(agendaSummary('VD-2026-007', 'progress_update', 'en')).toBe('VD-2026-007: progress update due')
    expect(agendaSummary('VD-2026-007', 'publication', 'en')).toBe('VD-2026-007: publication')
    expect(agendaSummary('VD-2026-007', 'evaluation', 'nl')).toBe('VD-2026-007: beoordeling uiterlijk')
    expect(agendaSummary('VD-2026-007', 'publication', 'nl')).toBe('VD-2026-007: publicatie')
  })

  it('offers the email an open deadline asks for, and none for a kept one or a publication', () => {
    expect(draftActionText({ kind: 'acknowledgement', state: 'overdue' }, 'en')).toBe('Draft the acknowledgement')
    expect(draftActionText({ kind: 'evaluation', state: 'due_today' }, 'en')).toBe('Draft the evaluation')
    expect(draftActionText({ kind: 'progress_update', state: 'paused' }, 'en')).toBe('Draft the progress update')
    expect(draftActionText({ kind: 'evaluation', state: 'upcoming' }, 'nl')).toBe('Beoordeling opstellen')
    expect(draftActionText({ kind: 'evaluation', state: 'met_on_time' }, 'en')).toBeUndefined()
    expect(draftActionText({ kind: 'acknowledgement', state: 'met_late' }, 'en')).toBeUndefined()
    expect(draftActionText({ kind: 'publication', state: 'overdue' }, 'en')).toBeUndefined()
  })

  it('asks for a progress update with a new date only once an expected resolution date slipped', () => {
    expect(draftActionText({ kind: 'resolution', state: 'upcoming' }, 'en')).toBeUndefined()
    expect(draftActionText({ kind: 'resolution', state: 'due_today' }, 'en')).toBeUndefined()
    expect(draftActionText({ kind: 'resolution', state: 'overdue' }, 'en')).toBe('Draft a progress update with a new date')
    expect(draftActionText({ kind: 'resolution', state: 'overdue' }, 'nl')).toBe('Voortgangsbericht met een nieuwe datum opstellen')
  })

  it('says which clock an other-zone deadline ends on, a fixed offset as UTC±hh:mm', () => {
    expect(otherZoneText('Asia/Kolkata', 'en')).toBe('due by end of day in Asia/Kolkata')
    expect(otherZoneText('Etc/GMT-5', 'en')).toBe('due by end of day in UTC+05:00')
    expect(otherZoneText('America/New_York', 'nl')).toBe('uiterlijk einde van de dag in America/New_York')
  })
})
