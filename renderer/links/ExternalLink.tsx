import type { ReactNode } from 'react'
import { externalLink } from '../../src/links/externalLink'
import { call } from '../desk'
import { useProblems } from '../shell/Problems'

/**
 * A link that leaves the app: main asks the user before the system opens it, and the renderer itself never navigates.
 * Anything but https and mailto (a reporter can type anything) is shown as plain text.
 */
export function ExternalLink({ url, children }: { url: string; children: ReactNode }) {
  const { report } = useProblems()
  const link = externalLink(url)
  if (!link) return <span>{children}</span>
  return (
    <a
      href={link.href}
      className="external-link"
      onClick={(event) => {
        event.preventDefault()
        call((desk) => desk.external.open({ url: link.href })).catch(report)
      }}
    >
      {children}
    </a>
  )
}
