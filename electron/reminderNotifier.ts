import { Notification } from 'electron'
import type { ReminderText } from '../src/i18n/reminderText'

/**
 * Shows reminders as the system's desktop notifications (Electron's main-process Notification). Electron holds a
 * notification weakly: once its object is collected a click reaches nothing (electron/electron#16922), so each is
 * kept here until it is clicked or closed. Where the system has no notifications, reminders are not shown at all.
 */
export function reminderNotifier(): (text: ReminderText, onClick: () => void) => void {
  const open = new Set<Notification>()
  return ({ title, body }, onClick) => {
    if (!Notification.isSupported()) return
    const notification = new Notification({ title, body })
    open.add(notification)
    notification.on('click', () => {
      open.delete(notification)
      onClick()
    })
    notification.on('close', () => open.delete(notification))
    notification.on('failed', () => open.delete(notification))
    notification.show()
  }
}
