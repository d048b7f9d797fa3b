/**
 * Closing or reloading the window while a form has unsaved changes: the page holds back its unload (the renderer's
 * unsaved-changes guard), Electron tells main ('will-prevent-unload'), and main asks this question in a native box.
 */
export const leaveUnsavedQuestion: { message: string; detail: string; buttons: string[]; defaultId: number; cancelId: number } = {
  message: 'Leave without saving?',
  detail: 'Your unsaved changes will be lost.',
  buttons: ['Stay', 'Leave'],
  // Enter and Escape keep the work: losing it takes a deliberate click.
  defaultId: 0,
  cancelId: 0,
}

/** Whether the answer (the index of the button chosen) lets the window go anyway, which main does by preventDefault(). */
export function leavesWithoutSaving(response: number): boolean {
  return leaveUnsavedQuestion.buttons[response] === 'Leave'
}
