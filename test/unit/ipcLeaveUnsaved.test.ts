import { describe, expect, it } from 'vitest'
import { leavesWithoutSaving, leaveUnsavedQuestion } from '../../src/ipc/leaveUnsaved'

describe('closing the window with unsaved changes', () => {
  it('asks "Leave without saving?" with Stay first, the answer Enter and Escape give', () => {
    expect(leaveUnsavedQuestion.message).toBe('Leave without saving?')
    expect(leaveUnsavedQuestion.detail).toBe('Your unsaved changes will be lost.')
    expect(leaveUnsavedQuestion.buttons).toEqual(['Stay', 'Leave'])
    expect(leaveUnsavedQuestion.buttons[leaveUnsavedQuestion.defaultId]).toBe('Stay')
    expect(leaveUnsavedQuestion.buttons[leaveUnsavedQuestion.cancelId]).toBe('Stay')
  })

  it('lets the window go only on Leave', () => {
    expect(leavesWithoutSaving(1)).toBe(true)
    expect(leavesWithoutSaving(0)).toBe(false)
    // A box closed some other way (no button) keeps the work.
    expect(leavesWithoutSaving(-1)).toBe(false)
  })
})
