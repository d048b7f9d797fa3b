import { describe, expect, it } from 'vitest'
import { intakeNoteText } from '../../src/i18n/intakeText'
import { IntakeNote } from '../../src/intake'

describe('intakeNoteText: the import screen’s words for each note', () => {
  it.each<[IntakeNote, string]>([
    [{ kind: 'truncated', field: 'title', length: 100_000, max: 300 }, 'The title was 100,000 characters long and is cut to the first 300.'],
    [{ kind: 'truncated', field: 'references', length: 1500, max: 1000 }, 'The mail named 1,500 earlier messages; the first and the last 999 are kept for threading.'],
    [
      { kind: 'characters_removed', field: 'attachmentName', count: 1 },
      '1 line break or hidden control character was taken out of an attachment’s name (such as text-direction overrides, which can disguise what it says).',
    ],
    [
      { kind: 'name_holds_address', name: 'security@acme.example', address: 'mallory@evil.example' },
      'The sender’s name “security@acme.example” reads like an address, but the mail came from mallory@evil.example. The address it came from is the reporter’s; the name is kept as written.',
    ],
    [
      { kind: 'zone_from_offset', offset: '+01:00', timeZone: 'Etc/GMT-1' },
      'The mail gives the time with the offset +01:00, not a place; it is kept in the zone UTC+01:00. Choose the reporter’s own zone if you know it.',
    ],
    [{ kind: 'no_sender', found: 'Just A Name' }, 'The sender “Just A Name” is no address the desk can write to. Enter the reporter’s address.'],
    [{ kind: 'attachments_dropped', count: 1001, max: 1000 }, 'The mail has 1,001 attachments; the first 1,000 are listed.'],
  ])('%j', (note, text) => {
    expect(IntakeNote.parse(note)).toEqual(note)
    expect(intakeNoteText(note)).toBe(text)
  })

  it('words every kind of note differently', () => {
    const one: IntakeNote[] = [
      { kind: 'truncated', field: 'title', length: 400, max: 300 },
      { kind: 'characters_removed', field: 'title', count: 2 },
      { kind: 'html_converted' },
      { kind: 'encrypted', how: 'inline_pgp' },
      { kind: 'encrypted', how: 'smime' },
      { kind: 'pgp_key_found', from: 'attachment' },
      { kind: 'pgp_key_found', from: 'body' },
      { kind: 'no_sender' },
      { kind: 'name_holds_address', name: 'a@b.example', address: 'c@d.example' },
      { kind: 'several_senders', count: 2 },
      { kind: 'sender_from_list', list: 'security@acme.example' },
      { kind: 'no_subject' },
      { kind: 'no_text' },
      { kind: 'malformed_mime' },
      { kind: 'date_missing' },
      { kind: 'date_unreadable', value: 'soon' },
      { kind: 'date_in_future', value: 'Fri, 1 Jan 2027 10:00:00 +0100' },
      { kind: 'zone_from_offset', offset: '+05:30', timeZone: 'Asia/Kolkata' },
      { kind: 'zone_unknown' },
      { kind: 'zone_unknown', offset: '+01:15' },
      { kind: 'attachments_dropped', count: 1200, max: 1000 },
      { kind: 'mail_attached', name: 'Report.eml' },
    ]
    const kinds = new Set(IntakeNote.options.map((o) => o.shape.kind.value))
    expect(new Set(one.map((n) => n.kind))).toEqual(kinds)
    const texts = one.map(intakeNoteText)
    expect(new Set(texts).size).toBe(texts.length)
    for (const text of texts) expect(text).toMatch(/^[A-Z0-9].*[.]$/)
  })
})
