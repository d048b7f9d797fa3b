import { describe, expect, it } from 'vitest'
import { shippedTemplate } from '../../../src/drafts/catalog'
import { templateParts } from '../../../src/drafts/mergeTemplate'
import { DraftTemplate, TemplateText } from '../../../src/drafts/template'
import { desk, refusalOf } from './fixture'

// Two people opened one template (`base`) and each saved an edit: the second is made on `base` while the store already
// holds the first. The command merges the two by part: name, purpose, subject and body per language, copied from.

const shipped = shippedTemplate('acknowledgement')!
const withText = (t: DraftTemplate, language: 'en' | 'nl', change: Partial<DraftTemplate['texts']['en']>): DraftTemplate => ({
  ...t,
  texts: { ...t.texts, [language]: { ...t.texts[language], ...change } },
})
const own: DraftTemplate = { ...shipped, id: 'ack-short', name: 'Short acknowledgement', basedOn: 'acknowledgement' }

describe('template.save made on an older version of the template', () => {
  it('merges one person’s English subject with the other’s Dutch body of a shipped template never edited', () => {
    const d = desk()
    d.run({ type: 'template.save', template: withText(shipped, 'nl', { body: 'Beste {{ reporter_name }},\n\nDank.' }), base: shipped })
    const saved = d.run({ type: 'template.save', template: withText(shipped, 'en', { subject: '[{{ case_key }}] Received' }), base: shipped })
    expect(saved.texts.en).toEqual({ ...shipped.texts.en, subject: '[{{ case_key }}] Received' })
    expect(saved.texts.nl).toEqual({ ...shipped.texts.nl, body: 'Beste {{ reporter_name }},\n\nDank.' })
    expect(d.doc.templates).toEqual([saved])
  })

  it('refuses both changing the English body differently, and saves nothing', () => {
    const d = desk()
    d.run({ type: 'template.save', template: withText(shipped, 'en', { body: 'Thanks, theirs.' }), base: shipped })
    const before = d.doc
    const error = refusalOf(() => d.run({ type: 'template.save', template: withText(shipped, 'en', { body: 'Thanks, mine.' }), base: shipped }))
    expect(error.code).toBe('conflict')
    expect(error.message).toBe(
      'Someone else saved the template “Acknowledgement of receipt” since you opened it, and changed the same thing: English body. Nothing was saved.',
    )
    expect(d.doc).toBe(before)
    expect(d.doc.templates[0]!.texts.en.body).toBe('Thanks, theirs.')
  })

  it('accepts both writing the same body', () => {
    const d = desk()
    d.run({ type: 'template.save', template: withText(shipped, 'en', { body: 'Thanks.' }), base: shipped })
    expect(d.run({ type: 'template.save', template: withText(shipped, 'en', { body: 'Thanks.' }), base: shipped }).texts.en.body).toBe('Thanks.')
  })

  it('refuses a new template whose id a colleague saved meanwhile, and an edit of one a colleague removed', () => {
    const d = desk()
    d.run({ type: 'template.save', template: own, base: null })
    const taken = refusalOf(() => d.run({ type: 'template.save', template: { ...own, name: 'Mine' }, base: null }))
    expect(taken.code).toBe('conflict')
    expect(taken.message).toBe('Someone else saved a template with the same id (“Short acknowledgement”) since you started this one. Nothing was saved.')
    d.run({ type: 'template.remove', templateId: own.id, base: own })
    const gone = refusalOf(() => d.run({ type: 'template.save', template: { ...own, name: 'Mine' }, base: own }))
    expect(gone.code).toBe('conflict')
    expect(d.doc.templates).toEqual([])
  })

  it('still refuses a shipped template’s purpose changed, also when merged', () => {
    const d = desk()
    d.run({ type: 'template.save', template: { ...shipped, name: 'Theirs' }, base: shipped })
    expect(refusalOf(() => d.run({ type: 'template.save', template: { ...shipped, purpose: 'closing' }, base: shipped })).issues).toEqual([
      { path: 'purpose', message: 'A shipped template keeps its purpose; duplicate it to write one for another purpose' },
    ])
  })
})

describe('template.remove of the template as the person saw it', () => {
  it('refuses removing the team’s own template after a colleague’s edit, and resetting a shipped one they edited again', () => {
    const d = desk()
    d.run({ type: 'template.save', template: own, base: null })
    d.run({ type: 'template.save', template: { ...own, name: 'Shorter acknowledgement' }, base: own })
    const removing = refusalOf(() => d.run({ type: 'template.remove', templateId: own.id, base: own }))
    expect(removing.code).toBe('conflict')
    expect(removing.message).toBe(
      'Someone else changed the template “Shorter acknowledgement” since you opened it; look at the change before removing it. Nothing was removed.',
    )

    const mine = withText(shipped, 'en', { body: 'Mine.' })
    d.run({ type: 'template.save', template: mine, base: shipped })
    d.run({ type: 'template.save', template: withText(mine, 'nl', { body: 'Van hen.' }), base: mine })
    expect(refusalOf(() => d.run({ type: 'template.remove', templateId: shipped.id, base: mine })).message).toContain('before resetting it. Nothing was reset.')
    expect(d.doc.templates.map((t) => t.id)).toEqual([own.id, shipped.id])
  })
})

describe('an edit whose base is another template', () => {
  // A bad request, not a colleague: merged against the other template, it would save a mix of the two.
  it('refuses saving one template on another’s version, in words, saving nothing', () => {
    const d = desk()
    d.run({ type: 'template.save', template: own, base: null })
    const before = d.doc
    const error = refusalOf(() => d.run({ type: 'template.save', template: withText(shipped, 'en', { body: 'Mine.' }), base: own }))
    expect(error.code).toBe('invalid_input')
    expect(error.message).toBe(
      'This change was made on another template (“Short acknowledgement”) than the one it would save. Nothing was saved. Open the template again and make the change there.',
    )
    expect(refusalOf(() => d.run({ type: 'template.save', template: { ...own, id: 'ack-new' }, base: own })).code).toBe('invalid_input')
    expect(d.doc).toBe(before)
  })

  it('refuses removing or resetting one template on another’s version, even one alike but for the id', () => {
    const d = desk()
    d.run({ type: 'template.save', template: own, base: null })
    d.run({ type: 'template.save', template: { ...own, id: 'ack-twin' }, base: null })
    d.run({ type: 'template.save', template: withText(shipped, 'en', { body: 'Ours.' }), base: shipped })
    const before = d.doc
    const removal = refusalOf(() => d.run({ type: 'template.remove', templateId: own.id, base: { ...own, id: 'ack-twin' } }))
    expect(removal.code).toBe('invalid_input')
    expect(removal.message).toBe(
      'This removal was asked for on another template (“Short acknowledgement”) than the one it would remove. Nothing was removed. Open the template again and remove it from there.',
    )
    const reset = refusalOf(() => d.run({ type: 'template.remove', templateId: shipped.id, base: own }))
    expect(reset.message).toBe(
      'This reset was asked for on another template (“Short acknowledgement”) than the one it would reset. Nothing was reset. Open the template again and reset it from there.',
    )
    expect(d.doc).toBe(before)
  })
})

describe('every part of a template', () => {
  // A field added to the schema but not to the parts would be dropped from every save made on an older version.
  it('is its name, purpose, copied from, or a subject or body of one of its languages: the id names the template', () => {
    expect(Object.keys(DraftTemplate.shape).sort()).toEqual(['basedOn', 'id', 'name', 'purpose', 'texts'])
    const texts = Object.keys(DraftTemplate.shape.texts.shape).flatMap((l) => Object.keys(TemplateText.shape).map((k) => `texts.${l}.${k}`))
    expect([...templateParts].sort()).toEqual(['basedOn', 'name', 'purpose', ...texts].sort())
  })
})
