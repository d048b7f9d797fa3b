import { useEffect, useRef, useState } from 'react'
import { useProblems } from '../shell/Problems'
import { useImportMail } from './importMail'
import './intake.css'

type MailDropState = { kind: 'idle' } | { kind: 'over' } | { kind: 'reading'; name: string }

// Only files: text or a link dragged within the window (into a field) keeps its usual behaviour.
const carriesFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') ?? false

/**
 * A saved mail (.eml) dropped anywhere on the window is imported: main reads it and the import screen shows it. The
 * window never navigates to a dropped file (it would show the mail's HTML). Several files at once are refused: each
 * mail is checked on its own screen before it becomes a case. Returns what the overlay shows.
 */
function useMailDrop(): MailDropState {
  const importMail = useImportMail()
  const { report } = useProblems()
  const [state, setState] = useState<MailDropState>({ kind: 'idle' })
  const latest = useRef({ importMail, report })
  latest.current = { importMail, report }

  useEffect(() => {
    const over = (event: DragEvent) => {
      if (!carriesFiles(event)) return
      event.preventDefault()
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy'
      setState((s) => (s.kind === 'idle' ? { kind: 'over' } : s))
    }
    const leave = (event: DragEvent) => {
      // relatedTarget is null only when the pointer left the window, not when it moved between elements.
      if (event.relatedTarget === null) setState((s) => (s.kind === 'over' ? { kind: 'idle' } : s))
    }
    const drop = (event: DragEvent) => {
      if (!carriesFiles(event)) return
      event.preventDefault()
      const files = [...(event.dataTransfer?.files ?? [])]
      const file = files[0]
      const { importMail, report } = latest.current
      if (!file || files.length > 1) {
        setState({ kind: 'idle' })
        if (file) report(new Error(`${files.length} files were dropped; nothing was imported. Drop one saved email (.eml) at a time.`))
        return
      }
      setState({ kind: 'reading', name: file.name })
      void importMail(file)
        .catch(report)
        .finally(() => setState({ kind: 'idle' }))
    }
    window.addEventListener('dragover', over)
    window.addEventListener('dragleave', leave)
    window.addEventListener('drop', drop)
    return () => {
      window.removeEventListener('dragover', over)
      window.removeEventListener('dragleave', leave)
      window.removeEventListener('drop', drop)
    }
  }, [])

  return state
}

/** Mounted once by the shell, inside the screen's problem area, so a failed drop is shown on the screen it happened on. */
export function MailDrop() {
  const state = useMailDrop()
  if (state.kind === 'idle') return null
  return (
    <div className="mail-drop" role="status" aria-live="polite">
      <div className="mail-drop-card">
        {state.kind === 'over' ? (
          <>
            <strong>Drop the saved email (.eml) to import the report</strong>
            <span>Nothing is created until you check it and save the case.</span>
          </>
        ) : (
          <strong>Reading {state.name}…</strong>
        )}
      </div>
    </div>
  )
}
