import { useEffect, useId, useRef, type ReactNode } from 'react'

/**
 * A modal question: labelled by its title, focus moves into it and stays there (Tab wraps), Escape cancels, and focus
 * goes back to what the user was on when it closes. Drawn by hand rather than with <dialog>.showModal(), which jsdom
 * does not implement, so the component tests see the same element the app shows.
 */
export function Dialog({
  title,
  onCancel,
  children,
  actions,
}: {
  title: string
  onCancel(): void
  children: ReactNode
  /** The buttons; the first one gets the focus, so make it the safe choice. */
  actions: ReactNode
}) {
  const titleId = useId()
  const bodyId = useId()
  const ref = useRef<HTMLDivElement>(null)
  const cancel = useRef(onCancel)
  cancel.current = onCancel

  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null
    ref.current?.querySelector<HTMLElement>('.dialog-actions button')?.focus()
    return () => opener?.focus()
  }, [])

  function onKeyDown(event: React.KeyboardEvent) {
    if (event.key === 'Escape') {
      event.stopPropagation()
      cancel.current()
      return
    }
    if (event.key !== 'Tab' || !ref.current) return
    const focusable = [...ref.current.querySelectorAll<HTMLElement>('button, [href], input, select, textarea')].filter(
      (e) => !e.hasAttribute('disabled'),
    )
    const first = focusable[0]
    const last = focusable.at(-1)
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault()
      last?.focus()
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault()
      first?.focus()
    }
  }

  return (
    <div className="dialog-backdrop">
      <div
        ref={ref}
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={bodyId}
        onKeyDown={onKeyDown}
      >
        <h2 id={titleId} className="dialog-title">
          {title}
        </h2>
        <div id={bodyId} className="dialog-body">
          {children}
        </div>
        <div className="button-row dialog-actions">{actions}</div>
      </div>
    </div>
  )
}
