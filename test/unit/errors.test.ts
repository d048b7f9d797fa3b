import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { DeskError, parseInput, refusal } from '../../src/errors'

const Member = z.object({
  name: z.string().min(1),
  email: z.email(),
  code: z.string().max(3),
  days: z.number().int().min(0).max(3650),
  share: z.number().positive(),
  unit: z.enum(['business_days', 'calendar_days']),
  link: z.url(),
  named: z.string().min(1, 'Enter a name'),
})

const messages = (input: unknown) => {
  try {
    parseInput(Member, input, 'The member')
  } catch (error) {
    return Object.fromEntries((error as DeskError).issues.map((i) => [i.path, i.message]))
  }
  return {}
}

describe('parseInput', () => {
  it('says each of zod’s problems in the words of a form, and keeps a message written on the schema', () => {
    expect(
      messages({ name: '', email: 'ana@', code: 'ABCD', days: -1, share: 0, unit: 'weeks', link: 'not a link', named: '' }),
    ).toEqual({
      name: 'Fill this in',
      email: 'Enter a valid email address',
      code: 'Use at most 3 characters',
      days: 'Enter 0 or more',
      share: 'Enter more than 0',
      unit: 'Choose one of the options',
      link: 'Enter a web address starting with https://',
      named: 'Enter a name',
    })
  })

  it('says a missing value is to be filled in, text where a number goes is to be a number, and 1.5 days a whole number', () => {
    expect(messages({ email: 'ana@example.org', code: 'A', days: 'ten', share: 1, unit: 'business_days', link: 'https://a.example', named: 'x' })).toEqual({
      name: 'Fill this in',
      days: 'Enter a number',
    })
    expect(messages({ name: 'Ana', email: 'ana@example.org', code: 'A', days: 1.5, share: 1, unit: 'business_days', link: 'https://a.example', named: 'x' })).toEqual({
      days: 'Enter a whole number',
    })
  })

  it('makes one message of the first problem, saying how many more are at their fields', () => {
    const error = (() => {
      try {
        parseInput(Member, { name: '', email: 'ana@example.org', code: 'ABCD', days: 1, share: 1, unit: 'business_days', link: 'https://a.example', named: 'x' }, 'The member')
      } catch (e) {
        return e as DeskError
      }
    })()!
    expect(error.code).toBe('invalid_input')
    expect(error.message).toBe('The member was not saved. Fill this in. 1 more problem is marked at the fields.')
  })
})

describe('refusal', () => {
  it('puts the message beside its field and makes a sentence of it for the banner', () => {
    const error = refusal('team.1.email', 'Ana Silva already has this email address')
    expect(error).toBeInstanceOf(DeskError)
    expect(error.message).toBe('Ana Silva already has this email address.')
    expect(error.issues).toEqual([{ path: 'team.1.email', message: 'Ana Silva already has this email address' }])
  })
})
