import { useCallback } from 'react'
import { useNavigate } from 'react-router'
import { emlSizeLimit } from '../../src/ipc/contract'
import { useReadMail } from '../queries/intake'

/**
 * Imports one file the user dropped or chose: main reads it and keeps it under a token, and the import screen of that
 * token shows either the case to create or why the file is not a mail. Throws (for the screen's problem area) only
 * when nothing could be read at all: a file too large to read, or main not answering.
 */
export function useImportMail(): (file: File) => Promise<void> {
  const readMail = useReadMail()
  const navigate = useNavigate()
  return useCallback(
    async (file) => {
      if (file.size > emlSizeLimit) throw new Error(tooLarge(file))
      const preview = await readMail(new Uint8Array(await file.arrayBuffer()))
      navigate(`/import/${preview.token}`)
    },
    [readMail, navigate],
  )
}

function tooLarge(file: File): string {
  const mb = (n: number) => Math.round(n / (1024 * 1024)).toLocaleString('en')
  return `${file.name} is ${mb(file.size)} MB, more than the ${mb(emlSizeLimit)} MB a saved mail may be here. Nothing was imported. Save the mail without its largest attachments, or create the case by hand.`
}
