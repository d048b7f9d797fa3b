import { describe, expect, it } from 'vitest'
import { DeskError } from '../../src/errors'
import { actingMemberId, checkedIdentity } from '../../src/identity/actingMember'
import { Settings } from '../../src/settings/settings'

const ana = { id: 'm-ana', name: 'Ana Silva', email: 'ana@example.org' }
const ben = { id: 'm-ben', name: 'Ben Okafor', email: 'ben@example.org' }
const settingsWith = (team: Settings['team'], currentMemberId?: string) => Settings.parse({ team, currentMemberId })

describe('who acts on this installation', () => {
  it('is the member chosen here while they are on the team, whatever the file says', () => {
    expect(actingMemberId(settingsWith([ana, ben], ana.id), ben.id)).toBe(ben.id)
    expect(actingMemberId(settingsWith([ana], ana.id), ana.id)).toBe(ana.id)
  })

  it('is nobody when the member chosen here was removed or is unknown, or when nobody was chosen here', () => {
    expect(actingMemberId(settingsWith([ana, { ...ben, removed: true }]), ben.id)).toBeUndefined()
    expect(actingMemberId(settingsWith([ana]), 'm-gone')).toBeUndefined()
    // An explicit "nobody" is not overruled by the choice an older version left in the file.
    expect(actingMemberId(settingsWith([ana], ana.id), null)).toBeUndefined()
  })

  it("before any choice here, takes the file's choice on a store whose team is that one person", () => {
    expect(actingMemberId(settingsWith([ana], ana.id), undefined)).toBe(ana.id)
    expect(actingMemberId(settingsWith([ana, { ...ben, removed: true }], ana.id), undefined)).toBe(ana.id)
  })

  it("before any choice here, names nobody on a shared store: the file's one choice was everyone's", () => {
    expect(actingMemberId(settingsWith([ana, ben], ana.id), undefined)).toBeUndefined()
    expect(actingMemberId(settingsWith([ana]), undefined)).toBeUndefined()
    expect(actingMemberId(settingsWith([{ ...ana, removed: true }], ana.id), undefined)).toBeUndefined()
  })
})

describe('choosing who you are', () => {
  it('keeps nobody or a member on the team', () => {
    expect(checkedIdentity(settingsWith([ana, ben]), ben.id)).toBe(ben.id)
    expect(checkedIdentity(settingsWith([ana]), null)).toBeNull()
  })

  it('refuses a removed or unknown member at the "I am" field', () => {
    for (const id of [ben.id, 'm-gone']) {
      const attempt = () => checkedIdentity(settingsWith([ana, { ...ben, removed: true }]), id)
      expect(attempt).toThrow(DeskError)
      try {
        attempt()
      } catch (error) {
        expect((error as DeskError).issues).toEqual([{ path: 'memberId', message: 'Choose yourself from the team list' }])
      }
    }
  })
})
