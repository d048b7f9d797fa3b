// Control characters, direction marks and overrides (a right-to-left override makes 'report‮fdp.exe' look like
// 'reportexe.pdf'), and what Windows refuses in a name: <>:"|?* .
const unsafe = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069<>:"|?*]/gu
// The other invisible format characters (Unicode Cf: zero-width space U+200B, joiners, the byte order mark U+FEFF,
// the soft hyphen) hide inside a name without a trace: 'name\u200b.exe' looks like 'name.exe' and is another file.
const invisible = /\p{Cf}/gu
// Names Windows keeps for devices, with or without an extension, also with spaces or dots before it ('NUL .txt' is NUL).
const reserved = /^(con|prn|aux|nul|conin\$|conout\$|com[0-9¹²³]|lpt[0-9¹²³])[\s.]*(\.|$)/iu
// File systems count a name in bytes (ext4, APFS: 255) or UTF-16 units (NTFS: 255); 200 UTF-8 bytes fits all of them.
const maxBytes = 200
const encoder = new TextEncoder()
const bytesOf = (text: string) => encoder.encode(text).length

/** The longest start of `text` within `max` UTF-8 bytes, whole characters only. */
function within(text: string, max: number): string {
  let kept = ''
  let bytes = 0
  for (const ch of text) {
    bytes += bytesOf(ch)
    if (bytes > max) break
    kept += ch
  }
  return kept
}

/**
 * A name to offer in a save dialog for an attachment: no path (a name like '../../.bashrc' stays in the folder the
 * person picks), nothing that hides the real extension, not hidden (no leading dot), not a Windows device name, never
 * empty, and short enough for every file system once the dialog adds a folder. The extension is kept when cutting.
 */
export function attachmentFileName(name: string): string {
  // Of a path, the last part is the file's name, as browsers take it for a download.
  const last = name.split(/[/\\]/).filter((part) => part.trim() !== '').pop() ?? ''
  const cleaned = last
    .replace(unsafe, '_')
    .replace(invisible, '')
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(/^[.\s]+/u, '')
    // Windows drops trailing dots and spaces when it saves; dropped here, the name offered is the name written.
    .replace(/[.\s]+$/u, '')
  const named = cleaned === '' ? 'attachment' : cleaned
  const safe = reserved.test(named) ? `_${named}` : named
  if (bytesOf(safe) <= maxBytes) return safe
  const dot = safe.lastIndexOf('.')
  const extension = dot > 0 && bytesOf(safe.slice(dot)) <= 16 ? safe.slice(dot) : ''
  return within(safe.slice(0, safe.length - extension.length), maxBytes - bytesOf(extension)).trimEnd() + extension
}
