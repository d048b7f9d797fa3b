import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DeskError } from '../../src/errors'
import { allPolicies, copyPolicy, policyById, policyLookup } from '../../src/policies/catalog'
import { PolicyRule, type Policy } from '../../src/policies/policy'
import { aimmsPolicy, ikuuPolicy } from '../../src/policies/presets'
import { ConsistentPolicy, validatePolicy } from '../../src/policies/validatePolicy'

const policyFile = (name: string) =>
  readFileSync(join(import.meta.dirname, '../../../shared/policies', name), 'utf8')
const aimmsFile = policyFile('aimms-responsible-disclosure.txt')
const ikuuFile = policyFile('ikuu-responsible-disclosure.txt')

describe('the AIMMS preset', () => {
  it('embeds the published policy word for word', () => {
    expect(aimmsPolicy.text).toBe(aimmsFile.trimEnd())
  })

  it('quotes every promise verbatim from the published policy', () => {
    for (const rule of aimmsPolicy.rules) expect(aimmsFile).toContain(rule.quote)
  })

  it('makes one rule per promise, with 15 business days for the evaluation', () => {
    expect(aimmsPolicy.rules.map((r) => [r.id, r.due, r.from, r.metBy, r.amount, r.unit])).toEqual([
      ['evaluation', 'evaluation', 'received', 'evaluation_sent', 15, 'business_days'],
      ['progress-updates', 'progress_update', 'evaluation_sent', 'progress_update_sent', 10, 'business_days'],
      ['credit', 'credit_confirmation', 'received', 'credit_confirmed', null, 'business_days'],
      ['publication', 'publication_consultation', 'received', 'publication_consulted', null, 'business_days'],
    ])
  })

  it('states how it reads the promises the policy leaves vague', () => {
    const byId = Object.fromEntries(aimmsPolicy.rules.map((r) => [r.id, r]))
    expect(byId['evaluation']?.reading).toBe('')
    expect(byId['progress-updates']?.reading).toContain('every 10 business days')
    expect(byId['progress-updates']?.repeatsUntil).toBe('fix_released')
    expect(byId['credit']?.before).toBe('published')
    expect(byId['publication']?.before).toBe('published')
  })

  it('is consistent', () => {
    expect(ConsistentPolicy.safeParse(aimmsPolicy).success).toBe(true)
  })
})

describe('the IKUU preset', () => {
  it('embeds the published policy word for word, without the web page footer after it', () => {
    expect(ikuuFile).toBe(`${ikuuPolicy.text}\n\nmautic is open source marketing automation`)
  })

  it('quotes every promise verbatim from the published policy', () => {
    for (const rule of ikuuPolicy.rules) expect(ikuuFile).toContain(rule.quote)
  })

  it('counts the evaluation from the confirmation of receipt, in business days, saying it is a reading', () => {
    expect(ikuuPolicy.rules.map((r) => [r.id, r.due, r.from, r.metBy, r.amount, r.unit])).toEqual([
      ['acknowledgement', 'acknowledgement', 'received', 'acknowledgement_sent', 2, 'business_days'],
      ['evaluation', 'evaluation', 'acknowledgement_sent', 'evaluation_sent', 3, 'business_days'],
      ['progress-reports', 'progress_update', 'evaluation_sent', 'progress_update_sent', 10, 'business_days'],
      ['publication', 'publication_consultation', 'received', 'publication_consulted', null, 'business_days'],
      ['credit', 'credit_confirmation', 'received', 'credit_confirmed', null, 'business_days'],
      ['reward', 'reward_decision', 'evaluation_sent', 'reward_decided', null, 'business_days'],
    ])
    const evaluation = ikuuPolicy.rules.find((r) => r.id === 'evaluation')
    expect(evaluation?.reading).toMatch(/^"Three days" does not say which days\. Read as business days/)
  })

  it('is consistent', () => {
    expect(ConsistentPolicy.safeParse(ikuuPolicy).success).toBe(true)
  })
})

describe('calendar-day promises that end on a day off', () => {
  it('move to the next business day in both presets, and IKUU’s reading says so for the rule one may switch to calendar days', () => {
    for (const rule of [...aimmsPolicy.rules, ...ikuuPolicy.rules]) expect([rule.id, rule.onDayOff]).toEqual([rule.id, 'next_business_day'])
    expect(ikuuPolicy.rules.find((r) => r.id === 'evaluation')?.reading).toContain(
      'Counted in calendar days, a last day on a weekend or holiday moves to the next business day, as the Dutch General Time Limits Act (Algemene termijnenwet) does.',
    )
  })

  it('move to the next business day in a policy stored before the choice existed', () => {
    const stored: Record<string, unknown> = { ...ikuuPolicy.rules[1]! }
    delete stored['onDayOff']
    expect(PolicyRule.parse(stored).onDayOff).toBe('next_business_day')
  })
})

describe('copying a preset', () => {
  it('gives an editable policy of its own that remembers its preset', () => {
    const copy = copyPolicy(ikuuPolicy, 'ours', 'Our policy')
    copy.rules[1]!.unit = 'calendar_days'
    expect(copy.id).toBe('ours')
    expect(copy.name).toBe('Our policy')
    expect(copy.basedOn).toBe('ikuu')
    expect(copy.rules[1]?.unit).toBe('calendar_days')
    expect(ikuuPolicy.rules[1]?.unit).toBe('business_days')
  })

  it('keeps the original preset when copying a copy', () => {
    const copy = copyPolicy(copyPolicy(aimmsPolicy, 'a', 'A'), 'b', 'B')
    expect(copy.basedOn).toBe('aimms')
  })
})

describe('validating a user policy', () => {
  const ours = (): Policy => copyPolicy(ikuuPolicy, 'ours', 'Our policy')

  it('accepts an edited copy', () => {
    const policy = ours()
    policy.rules[0]!.amount = 1
    expect(validatePolicy(policy)).toEqual(policy)
  })

  it('accepts a quote whose line breaks differ from the text', () => {
    const policy = ours()
    policy.rules[0]!.quote = 'Our Information Desk will confirm\nreceipt within two business days.'
    expect(validatePolicy(policy).rules[0]?.quote).toBe('Our Information Desk will confirm\nreceipt within two business days.')
  })

  function problemsOf(input: unknown): { path: string; message: string }[] {
    try {
      validatePolicy(input)
    } catch (error) {
      if (error instanceof DeskError) return error.issues
      throw error
    }
    return []
  }

  it('rejects a quote that is not in the policy text, naming the rule', () => {
    const policy = ours()
    policy.rules[0]!.quote = 'We confirm receipt within one business day.'
    expect(problemsOf(policy)).toEqual([
      {
        path: 'rules.0.quote',
        message: 'Rule “acknowledgement”: the quoted sentence is not in the policy text; copy it from the text word for word',
      },
    ])
  })

  it('rejects two rules with one id, a rule met by its own anchor, and a repeat without interval', () => {
    const policy = ours()
    policy.rules[1]!.id = 'acknowledgement'
    policy.rules[0]!.metBy = 'acknowledgement_sent'
    policy.rules[0]!.from = 'acknowledgement_sent'
    policy.rules[2]!.amount = null
    expect(problemsOf(policy).map((p) => p.path)).toEqual(['rules.0.metBy', 'rules.1.id', 'rules.2.amount'])
  })

  it('rejects “before an event” on a promise with a time limit', () => {
    const policy = ours()
    policy.rules[0]!.before = 'published'
    expect(problemsOf(policy).map((p) => p.path)).toEqual(['rules.0.before'])
  })

  it('rejects a user policy that takes a preset’s id, with a message saying what to do', () => {
    expect(() => validatePolicy({ ...ours(), id: 'aimms' })).toThrow(
      'The policy “Our policy” was not saved. This id belongs to a shipped policy; copy the policy to get an id of its own.',
    )
  })

  it('says what is wrong with a number of days in the person’s words, at that rule’s field', () => {
    const policy = ours()
    policy.rules[0]!.amount = -1
    expect(problemsOf(policy)).toEqual([{ path: 'rules.0.amount', message: 'Enter 0 or more' }])
  })

  it('refuses a day-off handling other than staying or moving to the next business day', () => {
    const policy = { ...ours(), rules: ours().rules.map((r, i) => (i === 1 ? { ...r, onDayOff: 'previous_business_day' } : r)) }
    expect(problemsOf(policy).map((p) => p.path)).toEqual(['rules.1.onDayOff'])
  })
})

describe('finding policies', () => {
  const ours = copyPolicy(aimmsPolicy, 'ours', 'Our policy')

  it('lists the presets first, then the team’s own', () => {
    expect(allPolicies([ours]).map((p) => p.id)).toEqual(['aimms', 'ikuu', 'ours'])
  })

  it('finds a preset and a user policy by id, and nothing for an unknown id', () => {
    expect(policyById('ikuu', [ours])).toBe(ikuuPolicy)
    expect(policyById('ours', [ours])).toBe(ours)
    expect(policyById('gone', [ours])).toBeUndefined()
  })

  it('looks policies up for many cases as policyById does, a preset winning over a stored policy with its id', () => {
    const impostor = { ...ours, id: 'ikuu', name: 'Not IKUU' }
    const policyOf = policyLookup([ours, impostor])
    for (const id of ['aimms', 'ikuu', 'ours', 'gone']) expect(policyOf(id)).toBe(policyById(id, [ours, impostor]))
    expect(policyOf('ikuu')).toBe(ikuuPolicy)
  })
})
