import { Notification } from 'electron'
import type { ReminderText } from '../src/i18n/reminderText'

/**
 * More than anyone clicks back through in the notification centre; the oldest is let go first, so a long-running app
 * holds at most this many.
 */
const keptNotifications = 50

/**
 * Shows reminders as the system's desktop notifications (Electron's main-process Notification). Electron holds a
 * notification weakly: once its object is collected a click reaches nothing (electron/electron#16922). 'close' does
 * not mean it is gone: on Windows it also fires when the toast times out, while the notification stays clickable in
 * the Action Center. So each is kept until it is clicked (or failed to show), up to the last keptNotifications.
 * Where the system has no notifications, reminders are not shown at all.
 */
export function reminderNotifier(): (text: ReminderText, onClick: () => void) => void {
  // Insertion order: the first is the oldest.
  const kept = new Set<Notification>()
  return ({ title, body }, onClick) => {
    if (!Notification.isSupported()) return
    const notification = new Notification({ title, body })
    kept.add(notification)
    for (const oldest of kept) {
      if (kept.size <= keptNotifications) break
      kept.delete(oldest)
    }
    notification.on('click', () => {
      kept.delete(notification)
      onClick()
    })
    notification.on('failed', () => kept.delete(notification))
    notification.show()
  }
}
