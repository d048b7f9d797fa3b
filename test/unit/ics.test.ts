import { foldLines as libraryFoldLines } from 'ical-generator'
import ICAL from 'ical.js'
import { describe, expect, it } from 'vitest'
import { DeskError } from '../../src/errors'
import { foldContentLines, toIcs } from '../../src/export/ics'
import { icsUid, type IcsEvent } from '../../src/export/icsEvent'

const stamp = new Date('2026-12-01T09:30:00Z')

/** The file as a calendar app reads it: ical.js unfolds, unescapes and types every property. */
function parseBack(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text))
  return {
    calendar,
    events: calendar.getAllSubcomponents('vevent').map((v) => ({
      uid: v.getFirstPropertyValue('uid'),
      start: String(v.getFirstPropertyValue('dtstart')),
      startIsDate: (v.getFirstPropertyValue('dtstart') as ICAL.Time).isDate,
      end: String(v.getFirstPropertyValue('dtend')),
      stamp: String(v.getFirstPropertyValue('dtstamp')),
      summary: v.getFirstPropertyValue('summary'),
      description: v.getFirstPropertyValue('description'),
      sequence: v.getFirstPropertyValue('sequence'),
      transp: v.getFirstPropertyValue('transp'),
    })),
  }
}

const utf8Length = (line: string) => new TextEncoder().encode(line).length

describe('toIcs', () => {
  it('writes a PUBLISH calendar of all-day events that parses back with every field intact', () => {
    const text = toIcs(
      [
        { uid: 'c1/acknowledgement/1', date: '2026-12-31', summary: 'VD-2026-007: acknowledgement due', description: 'Due Thu 31 Dec 2026.', sequence: 2 },
        { uid: 'c2/publication', date: '2027-02-28', summary: 'VD-2026-008: publication' },
      ],
      { stamp },
    )
    const { calendar, events } = parseBack(text)
    expect(calendar.getFirstPropertyValue('prodid')).toBe('-//Disclosure Desk//Deadlines//EN')
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0')
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH')
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Disclosure Desk deadlines')
    expect(events).toEqual([
      {
        uid: 'c1/acknowledgement/1@disclosure-desk',
        start: '2026-12-31',
        startIsDate: true,
        // DTEND is exclusive: the event is the one day, across the year end.
        end: '2027-01-01',
        stamp: '2026-12-01T09:30:00Z',
        summary: 'VD-2026-007: acknowledgement due',
        description: 'Due Thu 31 Dec 2026.',
        sequence: 2,
        transp: 'TRANSPARENT',
      },
      {
        uid: 'c2/publication@disclosure-desk',
        start: '2027-02-28',
        startIsDate: true,
        end: '2027-03-01',
        stamp: '2026-12-01T09:30:00Z',
        summary: 'VD-2026-008: publication',
        description: null,
        sequence: 0,
        transp: 'TRANSPARENT',
      },
    ])
    expect(text).toContain('\r\nDTSTART;VALUE=DATE:20261231\r\nDTEND;VALUE=DATE:20270101\r\n')
  })

  it('writes a cancelled event STATUS:CANCELLED and every other STATUS:CONFIRMED, as ical.js reads them back', () => {
    const text = toIcs(
      [
        { uid: 'c1/acknowledgement/1', date: '2026-11-20', summary: 'VD-2026-007: acknowledgement done', sequence: 2, cancelled: true },
        { uid: 'c1/evaluation/1', date: '2026-11-30', summary: 'VD-2026-007: evaluation due', cancelled: false },
        { uid: 'c2/publication', date: '2027-02-28', summary: 'VD-2026-008: publication' },
      ],
      { stamp },
    )
    const events = parseBack(text).calendar.getAllSubcomponents('vevent').map((v) => [v.getFirstPropertyValue('uid'), v.getFirstPropertyValue('status'), v.getFirstPropertyValue('sequence')])
    expect(events).toEqual([
      ['c1/acknowledgement/1@disclosure-desk', 'CANCELLED', 2],
      ['c1/evaluation/1@disclosure-desk', 'CONFIRMED', 0],
      ['c2/publication@disclosure-desk', 'CONFIRMED', 0],
    ])
    expect(text).toContain('\r\nSTATUS:CANCELLED\r\n')
  })

  it('ends every line with CRLF, the last one too, and has no bare LF or CR', () => {
    const text = toIcs([{ uid: 'c1/publication', date: '2026-12-01', summary: 'a\nb\r\nc\rd' }], { stamp })
    expect(text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true)
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true)
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/)
    expect(parseBack(text).events[0]!.summary).toBe('a\nb\nc\nd')
  })

  const hostile = [
    ['commas and semicolons', 'VD-2026-007: evaluation due — XSS, CSRF; and more'],
    ['backslashes', 'C:\\Users\\admin\\ and \\n that is not a newline \\\\'],
    ['newlines', 'first line\nsecond line\n\nafter a blank line'],
    ['a property injected after a newline', 'title\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:evil\r\nSUMMARY:owned'],
    ['Dutch and emoji', 'Beveiligingsprobleem in de coördinatie — ë, ï, é 🎉🔒 👩🏽‍💻'],
    ['quotes and a colon', '"quoted": value; \'single\''],
  ] as const

  it.each(hostile)('keeps a summary and description with %s intact', (_, text) => {
    const out = toIcs([{ uid: 'c9/evaluation/1', date: '2026-12-01', summary: text, description: `${text}\n${text}` }], { stamp })
    const { events } = parseBack(out)
    expect(events).toHaveLength(1)
    expect(events[0]!.uid).toBe('c9/evaluation/1@disclosure-desk')
    // iCalendar has one escaped line break (\n); a CR LF in the title comes back as that one break.
    const asRead = text.replace(/\r\n?/g, '\n')
    expect(events[0]!.summary).toBe(asRead)
    expect(events[0]!.description).toBe(`${asRead}\n${asRead}`)
    // The injected text stays inside the escaped value: no line of the file starts with it.
    expect(out).not.toMatch(/\r\n(END:VEVENT\r\nBEGIN:VEVENT|UID:evil)/)
  })

  it('folds lines over 75 octets without splitting a UTF-8 character, and unfolds to the same text', () => {
    // ë is 2 octets, € 3, the emoji 4: a fold between their octets would leave invalid UTF-8 on both lines.
    const summary = `VD-2026-007: ${'ë€🎉 mixed text, with; escapes\\ '.repeat(12)}`
    const description = 'x'.repeat(300)
    const text = toIcs([{ uid: 'c1/acknowledgement/1', date: '2026-12-01', summary, description }], { stamp })
    const lines = text.split('\r\n')
    expect(lines.filter((l) => l.startsWith(' ')).length).toBeGreaterThan(8)
    for (const line of lines) {
      expect(utf8Length(line)).toBeLessThanOrEqual(75)
      // A line that starts or ends with half a surrogate pair would be encoded as U+FFFD: the character was split.
      expect(line).not.toMatch(/^[\udc00-\udfff]|[\ud800-\udbff]$/)
    }
    const bytes = Buffer.from(text, 'utf8')
    expect(bytes.toString('utf8')).not.toContain('\ufffd')
    const { events } = parseBack(bytes.toString('utf8'))
    expect(events[0]!.summary).toBe(summary)
    expect(events[0]!.description).toBe(description)
  })

  it('folds exactly as ical-generator does, line for line', () => {
    const lines = [
      '',
      'SHORT:ok',
      `SUMMARY:${'a'.repeat(73)}`,
      `SUMMARY:${'a'.repeat(66)}`,
      `SUMMARY:${'a'.repeat(67)}`,
      `DESCRIPTION:${'x'.repeat(400)}`,
      `SUMMARY:${'ë'.repeat(100)}`,
      `SUMMARY:${'€'.repeat(100)}`,
      `SUMMARY:${'🎉'.repeat(100)}`,
      `SUMMARY:a${'👩🏽‍💻ë€'.repeat(40)}`,
      `DESCRIPTION:${'VD-2026-007 · Overdue\\n; \\, \\\\ '.repeat(20)}`,
      'X-LONE:tab\there and a lone \r and \n inside',
    ]
    const text = lines.join('\r\n')
    expect(foldContentLines(text)).toBe(libraryFoldLines(text))
    for (const line of lines) expect(foldContentLines(`${line}\r\n`)).toBe(libraryFoldLines(`${line}\r\n`))
  })

  it('counts a lone surrogate half as the 3 octets of U+FFFD it is written as', () => {
    const folded = foldContentLines(`X:${'\ud83c'.repeat(30)}`).split('\r\n')
    for (const line of folded) expect(utf8Length(line)).toBeLessThanOrEqual(75)
    expect(folded.length).toBe(2)
  })

  it('replaces control characters a reporter may paste, which iCalendar text does not allow', () => {
    const text = toIcs([{ uid: 'c1/publication', date: '2026-12-01', summary: 'bell\u0007 null\u0000 esc\u001b[31m tab\tkept', description: 'half \ud83c emoji' }], { stamp })
    expect(text).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/)
    const { events } = parseBack(text)
    expect(events[0]!.summary).toBe('bell  null  esc [31m tab\tkept')
    expect(events[0]!.description).toBe('half \ufffd emoji')
  })

  it('gives the same bytes for the same events and stamp', () => {
    const events: IcsEvent[] = [{ uid: 'c1/publication', date: '2026-12-01', summary: 'VD-1: publication', sequence: 1 }]
    expect(toIcs(events, { stamp })).toBe(toIcs(events, { stamp }))
  })

  it('stamps the file with the time it was made when no stamp is given', () => {
    const before = Date.now()
    const text = toIcs([{ uid: 'c1/publication', date: '2026-12-01', summary: 'VD-1: publication' }])
    const dtstamp = (new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vevent')!.getFirstPropertyValue('dtstamp') as ICAL.Time).toJSDate()
    expect(dtstamp.getTime()).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000)
    expect(dtstamp.getTime()).toBeLessThanOrEqual(Date.now())
  })

  it('writes an empty calendar for no events', () => {
    const { calendar, events } = parseBack(toIcs([], { stamp }))
    expect(events).toEqual([])
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH')
  })

  const refused: [string, unknown, RegExp][] = [
    ['a date that is not in the calendar', { uid: 'c1/publication', date: '2026-02-30', summary: 's' }, /Event 1 \(c1\/publication\), date: Use a real calendar date as YYYY-MM-DD\./],
    ['a date written another way', { uid: 'c1/publication', date: '1/12/2026', summary: 's' }, /Event 1 \(c1\/publication\), date: Use a date as YYYY-MM-DD/],
    ['an empty summary', { uid: 'c1/publication', date: '2026-12-01', summary: '' }, /Event 1 \(c1\/publication\), summary: Give the event a summary\./],
    ['an empty UID', { uid: '', date: '2026-12-01', summary: 's' }, /Event 1, uid: Give the event a UID\./],
    ['a date not in the calendar for an event with a line break in its UID', { uid: 'c1\r\nX-EVIL:1', date: '2026-02-30', summary: 's' }, /^The calendar file was not made\. Event 1, date: /],
    ['a negative sequence', { uid: 'c1/publication', date: '2026-12-01', summary: 's', sequence: -1 }, /sequence: Give the sequence as 0 or more\./],
    ['a fractional sequence', { uid: 'c1/publication', date: '2026-12-01', summary: 's', sequence: 1.5 }, /sequence: Give the sequence as a whole number\./],
  ]

  it.each(refused)('refuses %s, naming the event and the field', (_, event, message) => {
    const attempt = () => toIcs([event as IcsEvent], { stamp })
    expect(attempt).toThrow(DeskError)
    expect(attempt).toThrow(/^The calendar file was not made\. /)
    expect(attempt).toThrow(message)
  })

  const twice: [string, string, string, string][] = [
    ['the same UID twice', 'c1/publication', 'c1/publication', 'Event 2 (c1/publication), uid: The UID c1/publication@disclosure-desk'],
    // The price of a UID it made coming back unchanged (see icsUid): refused, not two events merged into one.
    ['two ids written as one UID, one of them already as %XX', 'VD-1 eval', 'VD-1%20eval@disclosure-desk', 'Event 2 (VD-1%20eval@disclosure-desk), uid: The UID VD-1%20eval@disclosure-desk'],
  ]

  it.each(twice)('refuses %s, naming the second event', (_, first, second, message) => {
    const events = [
      { uid: first, date: '2026-12-01', summary: 'a' },
      { uid: second, date: '2026-12-02', summary: 'b' },
    ]
    expect(() => toIcs(events, { stamp })).toThrow(`The calendar file was not made. ${message} is used by an earlier event.`)
  })

  describe('UID', () => {
    const uidOf = (uid: string) => parseBack(toIcs([{ uid, date: '2026-12-01', summary: 's' }], { stamp })).events[0]!.uid

    it('takes any id a plain Node caller has, writing what iCalendar would escape or break on as %XX of its UTF-8', () => {
      expect(uidOf('VD-1 eval')).toBe('VD-1%20eval@disclosure-desk')
      expect(uidOf('case 1/rule,x;y\\z/1')).toBe('case%201/rule%2Cx%3By%5Cz/1@disclosure-desk')
      expect(uidOf('zaak-ë/🎉/1')).toBe('zaak-%C3%AB/%F0%9F%8E%89/1@disclosure-desk')
      expect(uidOf('100% sure')).toBe('100%25%20sure@disclosure-desk')
    })

    it('writes a line break in an id inside the UID, so no property can be injected after it', () => {
      const text = toIcs([{ uid: 'c1\r\nX-EVIL:1', date: '2026-12-01', summary: 's' }], { stamp })
      expect(text).not.toMatch(/\r\nX-EVIL/)
      expect(parseBack(text).events[0]!.uid).toBe('c1%0D%0AX-EVIL:1@disclosure-desk')
    })

    it('keeps an id that has a domain, and an id it wrote, as it is: the same UID whichever the caller passes', () => {
      expect(uidOf('20261201-abc@example.org')).toBe('20261201-abc@example.org')
      expect(uidOf('VD-1%20eval@disclosure-desk')).toBe('VD-1%20eval@disclosure-desk')
      expect(uidOf(icsUid('zaak-ë/🎉/1'))).toBe(uidOf('zaak-ë/🎉/1'))
      for (const id of ['VD-1 eval', '100% sure', 'c1/publication', 'a%2', 'ë@x y']) expect(icsUid(icsUid(id))).toBe(icsUid(id))
    })

    it('gives an id the same UID in every export', () => {
      const events = [{ uid: 'VD-1 eval', date: '2026-12-01', summary: 's' }]
      expect(parseBack(toIcs(events, { stamp })).events[0]!.uid).toBe(parseBack(toIcs(events, { stamp: new Date() })).events[0]!.uid)
    })
  })

  it('counts the further problems when there are several', () => {
    expect(() => toIcs([{ uid: '', date: 'soon', summary: '' } as IcsEvent], { stamp })).toThrow(/\(and [1-9]\d* more problems\)\.$/)
  })
})
