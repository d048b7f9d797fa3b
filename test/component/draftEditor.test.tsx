import { fireEvent, render, screen, within } from '@testing-library/react'
import { useState } from 'react'
import { describe, expect, it } from 'vitest'
import { renderDraft } from '../../src/drafts/engine'
import { DraftPreview } from '../../renderer/drafts/DraftPreview'
import { offsetOf, TemplateSourceField } from '../../renderer/drafts/TemplateSourceField'

const variables = { reporter_name: 'Ada Researcher', case_key: 'VD-2026-007' }

/** The editor as the draft screen wires it: the source in state, rendered on every change, the error at the field. */
function Editor({ initial, vars = variables }: { initial: string; vars?: Record<string, string> }) {
  const [body, setBody] = useState(initial)
  const rendered = renderDraft({ subject: '[{{ case_key }}] Your report', body }, vars)
  return (
    <>
      <TemplateSourceField label="Body" value={body} onChange={setBody} error={rendered.body.ok ? null : rendered.body.error} />
      <DraftPreview from="“Sam Lead” <sam@example.com>" to="ada@example.org" subject={rendered.subject} body={rendered.body} encryptedTo={null} />
    </>
  )
}

describe('the template editor', () => {
  it('an unknown variable on line 3 is shown at the editor with its line and column (at the name), and the line marked', () => {
    render(<Editor initial={'Dear {{ reporter_name }},\n\nThank you, {{ reporter_nme }}.'} />)
    const body = screen.getByLabelText('Body')
    expect(body).toHaveAttribute('aria-invalid', 'true')
    const alert = screen.getByRole('alert')
    expect(alert.querySelector('.template-error-message')?.textContent).toMatch(/^Line 3, column 15: Unknown variable “reporter_nme”/)
    // The source line, and a marker under column 15, the misspelt name (14 spaces before it).
    expect(alert.querySelector('.template-error-line')?.textContent).toBe('Thank you, {{ reporter_nme }}.\n              ^')
    expect(body).toHaveAccessibleDescription(/Line 3, column 15/)
  })

  it('"Go to line" puts the caret on the error in the source', () => {
    const source = 'Dear {{ reporter_name }},\n\nThank you, {{ reporter_nme }}.'
    render(<Editor initial={source} />)
    fireEvent.click(screen.getByRole('button', { name: 'Go to line 3' }))
    const body = screen.getByLabelText<HTMLTextAreaElement>('Body')
    expect(body).toHaveFocus()
    expect(body.selectionStart).toBe(source.indexOf('reporter_nme'))
  })

  it('the preview follows each keystroke, and a fixed error clears the field', () => {
    render(<Editor initial={'Dear {{ reporter_nme }},'} />)
    const preview = screen.getByRole('region', { name: 'Preview' })
    expect(within(preview).getByLabelText('Body as sent').textContent).toBe('Not shown: the body has an error at line 1, column 9.')
    fireEvent.change(screen.getByLabelText('Body'), { target: { value: 'Dear {{ reporter_name }},' } })
    expect(within(preview).getByLabelText('Body as sent').textContent).toBe('Dear Ada Researcher,')
    expect(screen.getByLabelText('Body')).toHaveAttribute('aria-invalid', 'false')
    expect(screen.queryByRole('alert')).toBeNull()
  })

  it('a syntax error (an if never closed) names where the tag starts', () => {
    render(<Editor initial={'Hello\n{% if reporter_name %}\nyes'} />)
    expect(screen.getByRole('alert').querySelector('.template-error-message')?.textContent).toMatch(/^Line 2, column 1: /)
  })

  it('reporter text holding HTML, a script and template code is shown as the characters it is', () => {
    const hostile = '<img src=x onerror=alert(1)><script>alert(2)</script> {{ case_key }} {% raw %}'
    render(<Editor initial={'Dear {{ reporter_name }},'} vars={{ ...variables, reporter_name: hostile }} />)
    const shown = within(screen.getByRole('region', { name: 'Preview' })).getByLabelText('Body as sent')
    expect(shown.textContent).toBe(`Dear ${hostile},`)
    expect(document.querySelector('script, img')).toBeNull()
  })

  it('the subject is rendered to one line', () => {
    render(<Editor initial="x" vars={{ ...variables, case_key: 'VD-2026-007\r\nBcc: victim@example.com' }} />)
    expect(screen.getByLabelText('Subject as sent').textContent).toBe('[VD-2026-007 Bcc: victim@example.com] Your report')
  })
})

describe('offsetOf', () => {
  it('counts lines and columns from 1 and stops at the end of a short line', () => {
    const text = 'ab\ncdef\ng'
    expect(offsetOf(text, 1, 1)).toBe(0)
    expect(offsetOf(text, 2, 3)).toBe(5)
    expect(offsetOf(text, 2, 99)).toBe(7)
    expect(offsetOf(text, 9, 1)).toBe(text.length)
  })
})

describe('the preview of a body', () => {
  it('shows each line as a line, an empty one too, with no line added for a last line break', () => {
    render(<Editor initial={'Dear {{ reporter_name }},\n\nLine two  with  spaces\n'} />)
    const lines = [...screen.getByLabelText('Body as sent').children]
    expect(lines.map((l) => l.textContent)).toEqual(['Dear Ada Researcher,', '', 'Line two  with  spaces'])
    expect(lines[1]!.querySelector('br')).not.toBeNull()
  })
})
