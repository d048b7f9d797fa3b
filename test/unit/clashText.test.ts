import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { clashText } from '../../src/i18n/clashText'
import { clashRefusal, otherThingRefusal } from '../../src/merge/clashRefusal'

// Text for people is made in src/i18n: the merge's refusals take their words from there.

describe('the words of a refused edit', () => {
  it('name the thing edited, and one or several parts', () => {
    expect(clashText.bothChanged({ kind: 'settings' }, ['Organisation', 'Organisation'])).toBe(
      'Someone else saved the settings since you opened them, and changed the same thing: Organisation. Nothing was saved.',
    )
    expect(clashText.bothChanged({ kind: 'template', name: 'Ack' }, ['English body', 'Dutch body'])).toBe(
      'Someone else saved the template “Ack” since you opened it, and changed the same things: English body and Dutch body. Nothing was saved.',
    )
    expect(clashText.removedSince({ kind: 'policy', name: 'Ours' })).toBe(
      'Someone else removed the policy “Ours” since you opened it. Nothing was saved; your text is still in the form.',
    )
  })

  it('are the refusals’ messages, and src/merge/clashRefusal.ts writes none of its own', async () => {
    expect(clashRefusal({ kind: 'settings' }, ['Organisation']).message).toBe(clashText.bothChanged({ kind: 'settings' }, ['Organisation']))
    const other = otherThingRefusal({ kind: 'policy', name: 'Ours' }, 'removing')
    expect([other.code, other.message]).toEqual(['invalid_input', clashText.otherThing({ kind: 'policy', name: 'Ours' }, 'removing')])
    const source = await readFile(new URL('../../src/merge/clashRefusal.ts', import.meta.url), 'utf8')
    const code = source.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '')
    expect(code.match(/(['"`])[^'"`\n]*[A-Za-z]+ [a-z]+[^'"`\n]*\1/g)).toBeNull()
  })
})
