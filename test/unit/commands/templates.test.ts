import { describe, expect, it } from 'vitest'
import type { DraftTemplate } from '../../../src/drafts/template'
import { runCommand } from '../../../src/commands'
import { contextAt, desk, refusalOf, teamDocument } from './fixture'

const texts = { en: { subject: '[{{ case_key }}] Thanks', body: 'Dear {{ reporter_name }},' }, nl: { subject: '[{{ case_key }}] Dank', body: 'Beste {{ reporter_name }},' } }
const own: DraftTemplate = { id: 'thanks-short', name: 'Short thanks', purpose: 'acknowledgement', texts, basedOn: 'acknowledgement' }
const editedShipped: DraftTemplate = { id: 'acknowledgement', name: 'Acknowledgement of receipt', purpose: 'acknowledgement', texts }

describe('template.save', () => {
  it('adds the team’s own template, then replaces it by id, and says templates changed', () => {
    const d = desk()
    d.run({ type: 'template.save', template: own })
    const outcome = runCommand(d.doc, { type: 'template.save', template: { ...own, name: 'Shorter thanks' } }, contextAt())
    expect(outcome.document.templates).toEqual([{ ...own, name: 'Shorter thanks' }])
    expect(outcome.result.name).toBe('Shorter thanks')
    expect(outcome.events).toEqual([{ type: 'templates.changed' }])
  })

  it('keeps an edit of a shipped template under the shipped id, with its purpose', () => {
    const d = desk()
    d.run({ type: 'template.save', template: editedShipped })
    expect(d.doc.templates).toEqual([editedShipped])
    expect(refusalOf(() => d.run({ type: 'template.save', template: { ...editedShipped, purpose: 'closing' } })).issues).toEqual([
      { path: 'purpose', message: 'A shipped template keeps its purpose; duplicate it to write one for another purpose' },
    ])
  })

  it('refuses an id that is not lowercase letters, digits, - and _, and an empty name, at their fields', () => {
    const d = desk()
    expect(refusalOf(() => d.run({ type: 'template.save', template: { ...own, id: 'Thanks Short' } })).issues).toEqual([
      { path: 'template.id', message: 'Use lowercase letters, digits, - and _' },
    ])
    expect(refusalOf(() => d.run({ type: 'template.save', template: { ...own, name: '  ' } })).issues).toEqual([
      { path: 'template.name', message: 'Enter a name' },
    ])
  })
})

describe('template.remove', () => {
  it('removes the team’s own template', () => {
    const d = desk()
    d.run({ type: 'template.save', template: own })
    expect(d.run({ type: 'template.remove', templateId: own.id })).toEqual({ removed: true })
    expect(d.doc.templates).toEqual([])
  })

  it('resets an edited shipped template by removing the edit', () => {
    const d = desk()
    d.run({ type: 'template.save', template: editedShipped })
    d.run({ type: 'template.save', template: own })
    d.run({ type: 'template.remove', templateId: 'acknowledgement' })
    expect(d.doc.templates).toEqual([own])
  })

  it('refuses in words to remove a shipped template never edited, and says a missing one is gone', () => {
    const d = desk(teamDocument())
    const shipped = refusalOf(() => d.run({ type: 'template.remove', templateId: 'acknowledgement' }))
    expect(shipped.code).toBe('invalid_input')
    expect(shipped.message).toBe(
      'This template is shipped with the app and has not been edited: there is nothing to reset, and it cannot be removed.',
    )
    expect(refusalOf(() => d.run({ type: 'template.remove', templateId: 'never-there' })).code).toBe('not_found')
  })
})
