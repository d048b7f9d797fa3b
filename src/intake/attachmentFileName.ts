// Control characters, direction marks and overrides (a right-to-left override makes 'report‮fdp.exe' look like
// 'reportexe.pdf'), path separators, and what Windows refuses in a name: <>:"|?* .
const unsafe = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069/\\<>:"|?*]/gu
// Names Windows keeps for devices, with or without an extension.
const reserved = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\.|$)/i
const maxLength = 120

/**
 * A name to offer in a save dialog for an attachment: no path (a name like '../../.bashrc' stays in the folder the
 * person picks), nothing that hides the real extension, not hidden (no leading dot), not a Windows device name, never
 * empty, and short enough for every file system once the dialog adds a folder. The extension is kept when cutting.
 */
export function attachmentFileName(name: string): string {
  const cleaned = name
    .replace(unsafe, '_')
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(/^[.\s_]+/u, '')
    // Windows drops trailing dots and spaces, which would turn 'x.exe.' into 'x.exe'.
    .replace(/[.\s]+$/u, '')
  const named = cleaned === '' || /^_+$/.test(cleaned) ? 'attachment' : cleaned
  const safe = reserved.test(named) ? `_${named}` : named
  if (safe.length <= maxLength) return safe
  const dot = safe.lastIndexOf('.')
  const extension = dot > 0 && safe.length - dot <= 16 ? safe.slice(dot) : ''
  return [...safe.slice(0, safe.length - extension.length)].slice(0, maxLength - extension.length).join('').trimEnd() + extension
}
