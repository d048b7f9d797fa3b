import { describe, expect, it } from 'vitest'
import { deadlinesOf } from '../../src/deadlines'
import type { Deadline } from '../../src/deadlines/deadline'
import { allTemplates, shippedTemplate } from '../../src/drafts/catalog'
import { renderDraft } from '../../src/drafts/engine'
import { unreplacedPlaceholders } from '../../src/drafts/draftChecks'
import { quotesReport } from '../../src/drafts/quotesReport'
import { shippedTemplates } from '../../src/drafts/shippedTemplates'
import { TemplatePurpose, type DraftTemplate } from '../../src/drafts/template'
import { draftLanguage, templateForDeadline } from '../../src/drafts/templateFor'
import { Language } from '../../src/i18n/language'
import type { DueKind } from '../../src/policies/policy'
import { caseWith, ikuu, presetPolicies, sampleCasesAt, variablesFor } from './drafts-fixtures'

const now = new Date('2026-12-03T10:00:00Z')
const inputs = {
  expectedResolutionDate: '2027-01-15',
  publication: { at: '2027-02-01T10:00:00+01:00', timeZone: 'Europe/Amsterdam' },
}

describe('the shipped templates', () => {
  it('are one per purpose, named by it, each with a subject that starts with the case key so that replies thread', () => {
    expect(shippedTemplates.map((t) => [t.id, t.purpose])).toEqual(TemplatePurpose.options.map((p) => [p, p]))
    for (const t of shippedTemplates) {
      for (const lang of Language.options) expect(t.texts[lang].subject.startsWith('[{{ case_key }}] ')).toBe(true)
    }
  })

  it('render for every sample case, under both presets, in both languages, with and without inputs: no error, no raw braces, no gaps', () => {
    let rendered = 0
    for (const policy of presetPolicies) {
      for (const c of sampleCasesAt(now, policy.id)) {
        for (const lang of Language.options) {
          for (const draftInputs of [{}, inputs]) {
            const vars = variablesFor(c, policy, lang, now, { inputs: draftInputs })
            for (const t of shippedTemplates) {
              const { subject, body } = renderDraft(t.texts[lang], vars)
              if (!subject.ok || !body.ok) throw new Error(`${t.id} (${lang}) for ${c.key}: ${JSON.stringify([subject, body])}`)
              expect(subject.text.startsWith(`[${c.key}] `)).toBe(true)
              for (const text of [subject.text, body.text]) {
                expect(text).not.toMatch(/\{\{|\}\}|\{%|%\}|undefined|\[object/)
                // A conditional that left a gap: a blank line too many, a space before punctuation, two spaces.
                expect(text).not.toMatch(/\n\n\n| [.,;:?]|[^\n] {2}|\.\./)
              }
              expect(body.text.endsWith('\n\nEva de Vries\nSecurity lead\nExample B.V.\n')).toBe(true)
              rendered++
            }
          }
        }
      }
    }
    expect(rendered).toBe(2 * 12 * 2 * 2 * 11)
  })

  it('address the reporter in English and, in Dutch, formally (u, never je or jij)', () => {
    const c = caseWith({ reporter: { name: 'Maria Jansen', email: 'maria@jansen.example', language: 'nl' } })
    for (const t of shippedTemplates) {
      const nl = renderDraft(t.texts.nl, variablesFor(c, ikuu, 'nl', now, { inputs }))
      const en = renderDraft(t.texts.en, variablesFor(c, ikuu, 'en', now, { inputs }))
      expect(nl.body.ok && nl.body.text.startsWith('Beste Maria Jansen,\n\n')).toBe(true)
      expect(nl.body.ok && nl.body.text).toMatch(/\bu\b|\buw\b/)
      expect(nl.body.ok && nl.body.text).not.toMatch(/\b(je|jij|jou|jouw)\b/i)
      expect(nl.body.ok && nl.body.text).toContain('Met vriendelijke groet,\n\n')
      expect(en.body.ok && en.body.text.startsWith('Dear Maria Jansen,\n\n')).toBe(true)
      expect(en.body.ok && en.body.text).toContain('Kind regards,\n\n')
    }
  })

  it('write the acknowledgement of an IKUU case with the evaluation counted from it, and of a counted one with its date', () => {
    const c = caseWith()
    const ack = renderDraft(shippedTemplate('acknowledgement')!.texts.en, variablesFor(c, ikuu, 'en', now))
    expect(ack.subject).toEqual({ ok: true, text: '[VD-2026-007] We have received your report: Stored XSS in the ticket subject' })
    expect(ack.body.ok && ack.body.text).toContain(
      'We confirm that we received your report "Stored XSS in the ticket subject" on Thursday 3 December 2026 at 14:10 (Europe/Amsterdam).',
    )
    expect(ack.body.ok && ack.body.text).toContain('will send you our evaluation within 3 business days of this confirmation.')
    const aimms = presetPolicies.find((p) => p.id === 'aimms')!
    const nl = renderDraft(shippedTemplate('acknowledgement')!.texts.nl, variablesFor(c, aimms, 'nl', now))
    // 15 business days after Thu 3 Dec: the day before Christmas.
    expect(nl.body.ok && nl.body.text).toContain('sturen u uiterlijk donderdag 24 december 2026 onze beoordeling')
  })

  it('keep reporter text as data: braces, tags and HTML in a title or name go out as written', () => {
    const c = caseWith({
      title: '{{ signature }} {% raw %} <b>bold</b>',
      reporter: { name: '{% include "x" %} <script>alert(1)</script>', email: 'x@example.org', language: 'en' },
    })
    const { subject, body } = renderDraft(shippedTemplate('acknowledgement')!.texts.en, variablesFor(c, ikuu, 'en', now))
    expect(subject).toEqual({ ok: true, text: '[VD-2026-007] We have received your report: {{ signature }} {% raw %} <b>bold</b>' })
    expect(body.ok && body.text.startsWith('Dear {% include "x" %} <script>alert(1)</script>,\n\n')).toBe(true)
  })

  it('sign with the team when nobody is chosen to send', () => {
    const vars = variablesFor(caseWith(), ikuu, 'nl', now, { sender: null, organisation: '' })
    const { body } = renderDraft(shippedTemplate('closing')!.texts.nl, vars)
    expect(body.ok && body.text.endsWith('Met vriendelijke groet,\n\nHet securityteam\n')).toBe(true)
  })
})

describe('the progress update after the expected resolution date', () => {
  const by = { memberId: 'm1', name: 'Eva de Vries' }
  // Evaluated on Mon 7 Dec with the fix expected by Thu 10 Dec.
  const promised = caseWith({
    status: 'accepted',
    timeline: [
      { id: 'e1', at: '2026-12-04T09:00:00Z', by, type: 'milestone', milestone: 'acknowledgement_sent', on: '2026-12-04T09:00:00Z' },
      { id: 'e2', at: '2026-12-07T09:00:00Z', by, type: 'milestone', milestone: 'evaluation_sent', on: '2026-12-07T09:00:00Z' },
      { id: 'e3', at: '2026-12-07T09:00:00Z', by, type: 'resolution_promised', date: '2026-12-10' },
    ],
  })
  const update = (lang: Language, at: string) => {
    const vars = variablesFor(promised, ikuu, lang, new Date(at), { inputs: { expectedResolutionDate: '2026-12-22' } })
    const { body } = renderDraft(shippedTemplate('progress_update')!.texts[lang], vars)
    if (!body.ok) throw new Error(body.error.message)
    return body.text
  }

  it('owns up in the past tense once the date has passed', () => {
    expect(update('en', '2026-12-14T09:00:00Z')).toContain(
      'Unfortunately, we have not been able to resolve the problem by Thursday 10 December 2026, the date we gave you. We now expect to have resolved it by Tuesday 22 December 2026, and we apologise for the delay.',
    )
    expect(update('nl', '2026-12-14T09:00:00Z')).toContain(
      'Helaas is het ons niet gelukt om het probleem op te lossen vóór donderdag 10 december 2026, de datum die wij u eerder noemden. Wij verwachten het nu uiterlijk dinsdag 22 december 2026 te hebben opgelost; onze excuses voor de vertraging.',
    )
  })

  it('says it will not make the date while the date is still ahead', () => {
    expect(update('en', '2026-12-09T09:00:00Z')).toContain(
      'Unfortunately, we will not be able to resolve the problem by Thursday 10 December 2026, the date we gave you.',
    )
    expect(update('nl', '2026-12-09T09:00:00Z')).toContain(
      'Helaas lukt het ons niet om het probleem op te lossen vóór donderdag 10 december 2026, de datum die wij u eerder noemden.',
    )
  })

  it('without a new date yet, says the date passed and that a new one follows, never promising the day gone by', () => {
    const vars = variablesFor(promised, ikuu, 'en', new Date('2026-12-14T09:00:00Z'))
    const { body } = renderDraft(shippedTemplate('progress_update')!.texts.en, vars)
    expect(body.ok && body.text).toContain(
      'Unfortunately, we have not been able to resolve the problem by Thursday 10 December 2026, the date we gave you. We will let you know a new date as soon as we can',
    )
    expect(body.ok && body.text).not.toContain('We expect to have resolved the problem by Thursday 10 December')
  })
})

describe('the shipped wording', () => {
  const body = (id: TemplatePurpose, lang: Language) => {
    const { body } = renderDraft(shippedTemplate(id)!.texts[lang], variablesFor(caseWith(), ikuu, lang, now, { inputs }))
    if (!body.ok) throw new Error(body.error.message)
    return body.text
  }

  it('writes its placeholders in the team’s voice (we), and every template the team must complete has one it can find', () => {
    expect(body('evaluation', 'en')).toContain('[The outcome: whether we could reproduce the problem, its impact, and what we will do about it.]')
    expect(body('evaluation', 'nl')).toContain('[De uitkomst: of wij het probleem konden reproduceren,')
    for (const t of shippedTemplates) {
      for (const lang of Language.options) {
        const text = body(t.purpose, lang)
        const placeholders = text.match(/\[[^\]\n]*\]/g) ?? []
        expect(placeholders.every((p) => unreplacedPlaceholders(text).includes(p))).toBe(true)
        expect(placeholders.join(' ')).not.toMatch(/\bthe reporter\b|\bde melder\b|\byou will\b/)
      }
    }
  })

  it('names the Hall of Fame before whom it names, and asks a Dutch reply without a double “dan”', () => {
    expect(body('credit_confirmation', 'en')).toContain(
      'In our Hall of Fame and in the publication about the problem, we name the people who report problems that require us to act.',
    )
    const nl = body('not_vulnerability', 'nl')
    expect(nl).toContain('Laat het ons dan weten in een antwoord op deze e-mail; wij kijken er graag opnieuw naar.')
    expect(nl).not.toMatch(/\bdan\b[^.?]*\bdan\b/)
  })

  it('speaks of the problem in the report, not of a problem reported “in” a title', () => {
    expect(body('fix_released', 'en')).toContain('a fix for the problem in your report "Stored XSS in the ticket subject" about support.example.com.')
    expect(body('fix_released', 'nl')).toContain('voor het probleem uit uw melding "Stored XSS in the ticket subject" over support.example.com.')
    expect(body('publication_consultation', 'en')).toContain('Until the moment we agree on, we ask you not to publish anything about the problem.')
  })
})

const own: DraftTemplate = {
  id: 'ack-short',
  name: 'Short acknowledgement',
  purpose: 'acknowledgement',
  texts: { en: { subject: '[{{ case_key }}] Thanks', body: 'Thanks.' }, nl: { subject: '[{{ case_key }}] Dank', body: 'Dank.' } },
  basedOn: 'acknowledgement',
}

describe('the catalog', () => {
  it('lists the shipped templates, none edited, when the team has none', () => {
    const entries = allTemplates([])
    expect(entries.map((t) => t.id)).toEqual(TemplatePurpose.options)
    expect(entries.every((t) => t.shipped && !t.edited)).toBe(true)
    expect(shippedTemplate('nope')).toBeUndefined()
  })

  it('shows the team’s edit of a shipped template in its place, and the team’s own templates after the shipped ones', () => {
    const edited = { ...shippedTemplate('evaluation')!, name: 'Our evaluation' }
    const entries = allTemplates([own, edited])
    expect(entries.map((t) => t.id)).toEqual([...TemplatePurpose.options, 'ack-short'])
    expect(entries.find((t) => t.id === 'evaluation')).toEqual({ ...edited, shipped: true, edited: true })
    expect(entries.at(-1)).toEqual({ ...own, shipped: false, edited: false })
    expect(shippedTemplate('evaluation')!.name).toBe('Evaluation with expected resolution date')
  })
})

describe('templateForDeadline', () => {
  const deadline = deadlinesOf(caseWith(), ikuu, now)[0]!
  const dueAs = (due: DueKind): Deadline => ({ ...deadline, due })
  const expected: Record<DueKind, string> = {
    acknowledgement: 'acknowledgement',
    evaluation: 'evaluation',
    progress_update: 'progress_update',
    // A slipped resolution date is renegotiated with a progress update.
    resolution: 'progress_update',
    publication_consultation: 'publication_consultation',
    credit_confirmation: 'credit_confirmation',
    reward_decision: 'reward_decision',
  }

  it('picks the template of the purpose that keeps each kind of promise', () => {
    const templates = allTemplates([])
    for (const [due, id] of Object.entries(expected)) expect(templateForDeadline(dueAs(due as DueKind), templates)?.id).toBe(id)
  })

  it('prefers the shipped template (as edited) over the team’s own of the same purpose, and takes an own one when that is all there is', () => {
    const templates = [{ ...own, shipped: false, edited: false }, ...allTemplates([])]
    expect(templateForDeadline(dueAs('acknowledgement'), templates)?.id).toBe('acknowledgement')
    expect(templateForDeadline(dueAs('acknowledgement'), [templates[0]!])?.id).toBe('ack-short')
    expect(templateForDeadline(dueAs('evaluation'), [templates[0]!])).toBeUndefined()
  })

  it('drafts in the reporter’s language', () => {
    expect(draftLanguage(caseWith({ reporter: { name: 'M', email: 'm@example.nl', language: 'nl' } }))).toBe('nl')
    expect(draftLanguage(caseWith())).toBe('en')
  })
})

describe('quotesReport', () => {
  const report = 'Hi,\n\nGET /v2/invoices/100231 returns another customer’s invoice.\nThanks!\n'

  it('sees a line of the report repeated in the body, quoted or not, with its spacing changed', () => {
    expect(quotesReport('Dear Lena,\n\n> GET /v2/invoices/100231 returns another customer’s invoice.\n', report)).toBe(true)
    expect(quotesReport('You wrote:\n>>   GET  /v2/invoices/100231 returns another customer’s invoice.', report)).toBe(true)
    expect(quotesReport('About: GET /v2/invoices/100231 returns another customer’s invoice.', report)).toBe(true)
    expect(quotesReport('GET /v2/invoices/100231 returns', report)).toBe(true)
  })

  it('ignores blank and short lines that any mail has', () => {
    expect(quotesReport('Hi,\n\nThanks!\n> \n', report)).toBe(false)
    expect(quotesReport('Dear Lena,\n\nWe confirm receipt.', report)).toBe(false)
  })

  it('sees an excerpt cut short with an ellipsis', () => {
    const long = `${'A'.repeat(250)}\n`
    expect(quotesReport(`${'A'.repeat(200)}…`, long)).toBe(true)
  })
})
