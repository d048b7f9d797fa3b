import { describe, expect, it } from 'vitest'
import { copyPolicy, policyById } from '../../../src/policies/catalog'
import { policyParts } from '../../../src/policies/mergePolicy'
import { Policy as PolicySchema, type Policy, type PolicyRule } from '../../../src/policies/policy'
import { desk, refusalOf } from './fixture'

// Two people opened one policy (`base`) and each saved an edit: the second is made on `base` while the store already
// holds the first. The command merges the two by part: name, text, copied from, and each rule by its id.

const copy = copyPolicy(policyById('ikuu', [])!, 'p-copy', 'IKUU (copy)')
const extra = 'We reply to every follow-up question within ten business days.'
const withText: Policy = { ...copy, text: `${copy.text}\n\n${extra}` }

const ruleFor = (id: string, quote: string): PolicyRule => ({
  id,
  due: 'progress_update',
  quote,
  reading: '',
  from: 'received',
  metBy: 'progress_update_sent',
  amount: 10,
  unit: 'business_days',
  onDayOff: 'next_business_day',
})

/** A store holding `base`, then the colleague's edit of it. */
function afterColleague(base: Policy, theirs: Policy) {
  const d = desk()
  d.run({ type: 'policy.save', policy: base, base: null })
  d.run({ type: 'policy.save', policy: theirs, base })
  return d
}

describe('policy.save made on an older version of the policy', () => {
  it('keeps the rules both added, by id: theirs first, then this person’s', () => {
    const d = afterColleague(withText, { ...withText, rules: [...withText.rules, ruleFor('theirs', extra)] })
    const saved = d.run({ type: 'policy.save', policy: { ...withText, rules: [...withText.rules, ruleFor('mine', extra)] }, base: withText })
    expect(saved.rules.map((r) => r.id)).toEqual([...withText.rules.map((r) => r.id), 'theirs', 'mine'])
    expect(d.doc.policies).toEqual([saved])
  })

  it('takes this person’s new name and keeps the colleague’s edit of a rule', () => {
    const first = copy.rules[0]!
    const d = afterColleague(copy, { ...copy, rules: copy.rules.map((r) => (r.id === first.id ? { ...r, amount: 3 } : r)) })
    const saved = d.run({ type: 'policy.save', policy: { ...copy, name: 'IKUU, our reading' }, base: copy })
    expect(saved.name).toBe('IKUU, our reading')
    expect(saved.rules[0]).toEqual({ ...first, amount: 3 })
  })

  it('refuses both changing one rule differently, naming it by what it promises, and saves nothing', () => {
    const first = copy.rules[0]!
    const d = afterColleague(copy, { ...copy, rules: copy.rules.map((r, i) => (i === 0 ? { ...r, amount: 3 } : r)) })
    const before = d.doc
    const error = refusalOf(() =>
      d.run({ type: 'policy.save', policy: { ...copy, rules: copy.rules.map((r, i) => (i === 0 ? { ...r, amount: 4 } : r)) }, base: copy }),
    )
    expect(error.code).toBe('conflict')
    expect(error.message).toBe(
      'Someone else saved the policy “IKUU (copy)” since you opened it, and changed the same thing: Rule: acknowledge receipt. Nothing was saved.',
    )
    expect(d.doc).toBe(before)
    expect(d.doc.policies[0]!.rules.find((r) => r.id === first.id)!.amount).toBe(3)
  })

  it('removes a rule this person removed that the colleague left alone', () => {
    const d = afterColleague(copy, { ...copy, name: 'IKUU, theirs' })
    const saved = d.run({ type: 'policy.save', policy: { ...copy, rules: copy.rules.slice(1) }, base: copy })
    expect(saved).toEqual({ ...copy, name: 'IKUU, theirs', rules: copy.rules.slice(1) })
  })

  it('refuses a text both changed, and checks the merged policy: a rule may not quote a sentence the colleague took out', () => {
    const d = afterColleague(withText, { ...withText, text: copy.text })
    expect(refusalOf(() => d.run({ type: 'policy.save', policy: { ...withText, text: `${withText.text} More.` }, base: withText })).message).toContain(
      'changed the same thing: Policy text.',
    )
    const quoting = refusalOf(() => d.run({ type: 'policy.save', policy: { ...withText, rules: [...withText.rules, ruleFor('mine', extra)] }, base: withText }))
    expect(quoting.code).toBe('invalid_input')
    expect(quoting.message).toContain('the quoted sentence is not in the policy text')
  })

  it('refuses a new policy whose id a colleague saved meanwhile, and an edit of a policy a colleague removed', () => {
    const d = desk()
    d.run({ type: 'policy.save', policy: copy, base: null })
    const taken = refusalOf(() => d.run({ type: 'policy.save', policy: { ...copy, name: 'Ours' }, base: null }))
    expect(taken.code).toBe('conflict')
    expect(taken.message).toBe('Someone else saved a policy with the same id (“IKUU (copy)”) since you started this one. Nothing was saved.')
    d.run({ type: 'policy.remove', policyId: copy.id, base: copy })
    const gone = refusalOf(() => d.run({ type: 'policy.save', policy: { ...copy, name: 'Ours' }, base: copy }))
    expect(gone.code).toBe('conflict')
    expect(gone.message).toBe('Someone else removed the policy “IKUU (copy)” since you opened it. Nothing was saved; your text is still in the form.')
    expect(d.doc.policies).toEqual([])
  })

  it('saves nothing and tells nobody when the edit changes nothing', () => {
    const d = afterColleague(copy, { ...copy, name: 'IKUU, theirs' })
    const before = d.doc
    expect(d.run({ type: 'policy.save', policy: copy, base: copy }).name).toBe('IKUU, theirs')
    expect(d.doc).toBe(before)
  })
})

describe('policy.remove of the policy as the person saw it', () => {
  it('refuses removing a policy a colleague changed since, and removes it as it is now', () => {
    const d = afterColleague(copy, { ...copy, name: 'IKUU, theirs' })
    const error = refusalOf(() => d.run({ type: 'policy.remove', policyId: copy.id, base: copy }))
    expect(error.code).toBe('conflict')
    expect(error.message).toBe(
      'Someone else changed the policy “IKUU, theirs” since you opened it; look at the change before removing it. Nothing was removed.',
    )
    expect(d.doc.policies).toHaveLength(1)
    expect(d.run({ type: 'policy.remove', policyId: copy.id, base: d.doc.policies[0]! })).toEqual({ removed: true })
    expect(d.doc.policies).toEqual([])
  })
})

describe('an edit whose base is another policy', () => {
  // A bad request, not a colleague: merged against the other policy, it would save a mix of the two.
  const other = copyPolicy(policyById('aimms', [])!, 'p-other', 'AIMMS (copy)')

  it('refuses saving one policy on another’s version, in words, saving nothing, also for a policy not stored yet', () => {
    const d = afterColleague(copy, { ...copy, name: 'IKUU, theirs' })
    d.run({ type: 'policy.save', policy: other, base: null })
    const before = d.doc
    const error = refusalOf(() => d.run({ type: 'policy.save', policy: { ...copy, name: 'Ours' }, base: other }))
    expect(error.code).toBe('invalid_input')
    expect(error.message).toBe(
      'This change was made on another policy (“AIMMS (copy)”) than the one it would save. Nothing was saved. Open the policy again and make the change there.',
    )
    const added = refusalOf(() => d.run({ type: 'policy.save', policy: { ...copy, id: 'p-new' }, base: other }))
    expect(added.code).toBe('invalid_input')
    expect(d.doc).toBe(before)
  })

  it('refuses removing one policy on another’s version, even when the two are alike but for the id', () => {
    const d = afterColleague(copy, copy)
    d.run({ type: 'policy.save', policy: { ...copy, id: 'p-twin' }, base: null })
    const error = refusalOf(() => d.run({ type: 'policy.remove', policyId: copy.id, base: { ...copy, id: 'p-twin' } }))
    expect(error.code).toBe('invalid_input')
    expect(error.message).toBe(
      'This removal was asked for on another policy (“IKUU (copy)”) than the one it would remove. Nothing was removed. Open the policy again and remove it from there.',
    )
    expect(d.doc.policies.map((p) => p.id)).toEqual([copy.id, 'p-twin'])
  })
})

describe('every part of a policy', () => {
  // A field added to the schema but not to the parts would be dropped from every save made on an older version.
  it('is its name, text, copied from or a rule: the id names the policy', () => {
    expect(Object.keys(PolicySchema.shape).sort()).toEqual(['basedOn', 'id', 'name', 'rules', 'text'])
    expect(policyParts(copy, { ...copy, rules: [] }, copy)).toEqual(['name', 'text', 'basedOn', ...copy.rules.map((r) => `rules.${r.id}`)])
  })
})
