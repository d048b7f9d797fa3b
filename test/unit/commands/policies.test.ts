import { describe, expect, it } from 'vitest'
import { copyPolicy, policyById } from '../../../src/policies/catalog'
import { desk, idor, refusalOf } from './fixture'

const copy = copyPolicy(policyById('ikuu', [])!, 'p-copy', 'IKUU (copy)')

describe('policy.save', () => {
  it('adds a policy of the team’s own, and replaces it when saved again', () => {
    const d = desk()
    d.run({ type: 'policy.save', policy: copy })
    d.run({ type: 'policy.save', policy: { ...copy, name: 'IKUU, our reading' } })
    expect(d.doc.policies.map((p) => p.name)).toEqual(['IKUU, our reading'])
  })

  it('names the rule field to fix in the user’s words, never zod’s', () => {
    const rules = copy.rules.map((r, i) => (i === 0 ? { ...r, amount: -1 } : r))
    const error = refusalOf(() => desk().run({ type: 'policy.save', policy: { ...copy, rules } }))
    expect(error.issues).toEqual([{ path: 'rules.0.amount', message: 'Enter 0 or more' }])
    expect(error.message).toBe('The policy “IKUU (copy)” was not saved. Enter 0 or more.')
  })

  it('refuses a policy posing as a shipped preset', () => {
    const error = refusalOf(() => desk().run({ type: 'policy.save', policy: { ...copy, id: 'ikuu' } }))
    expect(error.issues[0]?.path).toBe('id')
  })
})

describe('policy.remove', () => {
  it('refuses a policy a case follows, naming the case, and one that is the default', () => {
    const d = desk()
    d.run({ type: 'policy.save', policy: copy })
    d.run({ type: 'case.create', input: { ...idor, policyId: copy.id } })
    expect(refusalOf(() => d.run({ type: 'policy.remove', policyId: copy.id })).message).toBe(
      'The policy “IKUU (copy)” was not removed: 1 case follows it (VD-2026-001). Move them to another policy first.',
    )
    const other = desk()
    other.run({ type: 'policy.save', policy: copy })
    other.run({ type: 'settings.update', settings: { ...other.doc.settings, defaultPolicyId: copy.id } })
    expect(refusalOf(() => other.run({ type: 'policy.remove', policyId: copy.id })).message).toBe(
      'The policy “IKUU (copy)” was not removed: it is the default policy for new cases. Choose another default first.',
    )
  })

  it('removes a policy nobody uses, and says when it is gone already', () => {
    const d = desk()
    d.run({ type: 'policy.save', policy: copy })
    expect(d.run({ type: 'policy.remove', policyId: copy.id })).toEqual({ removed: true })
    expect(d.doc.policies).toEqual([])
    expect(refusalOf(() => d.run({ type: 'policy.remove', policyId: copy.id })).code).toBe('not_found')
  })
})
