import { describe, expect, it } from 'vitest'
import { attachmentFileName } from '../../src/intake'

const utf8Bytes = (text: string) => new TextEncoder().encode(text).length

describe('attachmentFileName: a name a save dialog can offer for an attachment', () => {
  it.each([
    ['report.pdf', 'report.pdf'],
    ['Screenshot 2026-12-07 at 16.20.11.png', 'Screenshot 2026-12-07 at 16.20.11.png'],
    ['__init__.py', '__init__.py'],
    // A path keeps only its last part, so nothing lands outside the folder the person picks.
    ['../../.bashrc', 'bashrc'],
    ['..\\..\\Windows\\system32\\evil.dll', 'evil.dll'],
    ['/etc/passwd', 'passwd'],
    // A right-to-left override would show 'invoiceexe.pdf'; replaced, the real extension shows.
    ['invoice\u202efdp.exe', 'invoice_fdp.exe'],
    ['line\r\nbreak\u0000.txt', 'line__break_.txt'],
    ['a<b>c:d"e|f?g*h.txt', 'a_b_c_d_e_f_g_h.txt'],
    ['.hidden', 'hidden'],
    ['x.exe. . ', 'x.exe'],
    ['CON', '_CON'],
    ['nul.txt', '_nul.txt'],
    ['LPT1', '_LPT1'],
    // Invisible format characters would make two different names look alike; they are dropped.
    ['name\u200b.exe', 'name.exe'],
    ['na\ufeffme.txt', 'name.txt'],
    ['in\u00advoice\u2060.pdf', 'invoice.pdf'],
    ['\u200b', 'attachment'],
    // Windows opens the device for these too: spaces or dots before the extension do not make them files.
    ['NUL .txt', '_NUL .txt'],
    ['con  ..txt', '_con ..txt'],
    ['CONIN$', '_CONIN$'],
    ['aux.', '_aux'],
    ['console.log', 'console.log'],
    ['nullable.txt', 'nullable.txt'],
    ['', 'attachment'],
    ['   ', 'attachment'],
    ['...', 'attachment'],
    ['a/..', 'attachment'],
  ])('%j → %j', (name, safe) => {
    expect(attachmentFileName(name)).toBe(safe)
  })

  it('cuts a long name to 200 UTF-8 bytes in whole characters and keeps its extension', () => {
    const accented = attachmentFileName(`${'é'.repeat(300)}.pdf`)
    expect(accented).toBe(`${'é'.repeat(98)}.pdf`)
    const emoji = attachmentFileName(`${'🔑'.repeat(100)}.png`)
    expect(emoji).toBe(`${'🔑'.repeat(49)}.png`)
    expect([utf8Bytes(accented), utf8Bytes(emoji)]).toEqual([200, 200])
    expect(attachmentFileName('a'.repeat(300))).toBe('a'.repeat(200))
  })
})
