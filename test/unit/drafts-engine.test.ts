import { describe, expect, it } from 'vitest'
import { renderDraft, renderTemplate } from '../../src/drafts/engine'

const vars = { case_key: 'VD-2026-007', reporter_name: 'Priya Raman', ack_due: '', items: ['a', 'b'] }

describe('renderTemplate', () => {
  it('fills in variables, conditionals, loops and filters', () => {
    const source = 'Dear {{ reporter_name }},{% if ack_due != "" %} by {{ ack_due }}{% endif %} {% for i in items %}{{ i | upcase }}{% endfor %}'
    expect(renderTemplate(source, vars)).toEqual({ ok: true, text: 'Dear Priya Raman, AB' })
  })

  it('reports an unknown variable at the line and column of its name', () => {
    const source = 'Dear {{ reporter_name }},\n\nYour case {{ case_kye }} is open.'
    expect(renderTemplate(source, vars)).toEqual({
      ok: false,
      error: { message: 'Unknown variable “case_kye”: use one of the listed variables', line: 3, column: 14 },
    })
  })

  it('reports an unknown variable in a branch this case does not take, so that no other case finds it later', () => {
    const source = 'Dear {{ reporter_name }},\n{% if ack_due != "" %}\n  Due {{ ack_deu }}.\n{% endif %}'
    expect(renderTemplate(source, vars)).toEqual({
      ok: false,
      error: { message: 'Unknown variable “ack_deu”: use one of the listed variables', line: 3, column: 10 },
    })
    // Names a loop or assign brings into scope are known.
    expect(renderTemplate('{% for i in items %}{{ forloop.index }}{{ i }}{% endfor %}{% assign n = 2 %}{{ n }}', vars)).toEqual({
      ok: true,
      text: '1a2b2',
    })
  })

  it('checks again when a tag changes or a variable is missing, after the same text rendered fine', () => {
    const source = 'Dear {{ reporter_name }},\n\nThanks.'
    expect(renderTemplate(source, vars).ok).toBe(true)
    expect(renderTemplate(`${source} More text.`, vars).ok).toBe(true)
    expect(renderTemplate(`${source}{% if false %}{{ nope }}{% endif %}`, vars)).toMatchObject({ ok: false, error: { line: 3 } })
    expect(renderTemplate(source, { case_key: 'VD-2026-007' })).toMatchObject({ ok: false, error: { line: 1, column: 9 } })
  })

  it('keeps the place of an unknown variable right while text before it changes, in a long template', () => {
    const paragraph = 'We looked at it.{% if ack_due != "" %} By {{ ack_due }}.{% endif %} Ref {{ case_key }}.\n'
    const before = paragraph.repeat(200)
    const source = `${before}{% if ack_due != "" %}\n  Due {{ ack_deu }}.{% endif %}`
    const error = { message: 'Unknown variable “ack_deu”: use one of the listed variables', line: 202, column: 10 }
    expect(renderTemplate(source, vars)).toEqual({ ok: false, error })
    // Typed in the text: same tags, so the answer found before holds, moved with the text.
    expect(renderTemplate(`Hi,\n\n${source}`, vars)).toEqual({ ok: false, error: { ...error, line: 204 } })
    expect(renderTemplate(source.replace('  Due', 'Due'), vars)).toEqual({ ok: false, error: { ...error, column: 8 } })
    expect(renderTemplate(source.replace('ack_deu', 'ack_due'), vars)).toMatchObject({ ok: true })
  })

  it('reads tags as liquid does, so that braces in a quoted string cannot hide a tag from the check', () => {
    // Both have the same `{{ … }}`/`{% … %}` stretches if read without regard to quotes; only the second uses `nope`.
    const quoted = '{{ "}}{% if false %}{{ nope }}{% endif %}" }}'
    expect(renderTemplate(quoted, vars)).toEqual({ ok: true, text: '}}{% if false %}{{ nope }}{% endif %}' })
    expect(renderTemplate('{{ "}}" }}{% if false %}{{ nope }}{% endif %}', vars)).toMatchObject({
      ok: false,
      error: { message: 'Unknown variable “nope”: use one of the listed variables', line: 1, column: 28 },
    })
  })

  it('reports an unknown filter at the output that uses it, even in a branch that is not taken', () => {
    const source = 'Hello\n{% if ack_due != "" %}\n  {{ ack_due | shout }}\n{% endif %}'
    expect(renderTemplate(source, vars)).toEqual({
      ok: false,
      error: { message: 'Unknown filter “shout”', line: 3, column: 3 },
    })
  })

  it('reports an unclosed tag and an unclosed output where they start', () => {
    expect(renderTemplate('One\ntwo {% if ack_due %}three', vars)).toEqual({
      ok: false,
      error: { message: 'Tag {% if ack_due %} not closed', line: 2, column: 5 },
    })
    expect(renderTemplate('One\n\n   {{ case_key ', vars)).toEqual({
      ok: false,
      error: { message: 'Output "{{ case_key " not closed', line: 3, column: 4 },
    })
  })

  it('refuses include, render and layout: a template cannot read files', () => {
    for (const tag of ['include', 'render', 'layout']) {
      const result = renderTemplate(`Hi\n  {% ${tag} "signature" %}`, vars)
      expect(result).toEqual({
        ok: false,
        error: { message: `{% ${tag} %} cannot be used: a template cannot read other files`, line: 2, column: 3 },
      })
    }
    expect(renderTemplate('{% liquid\n  render "../../etc/passwd" %}', vars)).toMatchObject({ ok: false, error: { line: 2, column: 3 } })
  })

  it('writes variable values as data: braces, tags and HTML in them are not template code and are not escaped', () => {
    const hostile = '{{ case_key }} {% raw %}{% endraw %} {% include "x" %} <script>alert(1)</script> &amp;'
    expect(renderTemplate('Title: {{ title }}', { title: hostile })).toEqual({ ok: true, text: `Title: ${hostile}` })
  })

  it('reaches no property a value does not own', () => {
    expect(renderTemplate('{{ case_key.constructor }}', vars)).toMatchObject({
      ok: false,
      error: { message: 'Unknown variable “case_key.constructor”: use one of the listed variables', line: 1, column: 4 },
    })
  })

  it('stops a template that would run or grow without bound, with an error instead of a hang', () => {
    const started = Date.now()
    const looping = renderTemplate('{% for i in (1..5000) %}{% for j in (1..5000) %}{% endfor %}{% endfor %}', vars)
    expect(looping).toMatchObject({ ok: false, error: { message: 'The template takes too long to render (a loop too large?)' } })
    expect(Date.now() - started).toBeLessThan(3000)
    const growing = renderTemplate('{% for i in (1..100) %}{{ long }}{% endfor %}', { long: 'x'.repeat(20_000) })
    expect(growing).toEqual({ ok: false, error: { message: 'The template writes more than 1,000,000 characters', line: 1, column: 1 } })
    expect(renderTemplate('x'.repeat(400_001), vars)).toEqual({
      ok: false,
      error: { message: 'The template is longer than 400,000 characters', line: 1, column: 1 },
    })
  })
})

describe('renderDraft', () => {
  it('puts the subject on one line, whatever line breaks the template or a value brings', () => {
    const draft = renderDraft(
      { subject: '[{{ case_key }}]\n{{ title }}', body: 'Dear {{ reporter_name }},\n\nThanks.' },
      { ...vars, title: 'XSS\r\nBcc: everyone@example.com' },
    )
    expect(draft).toEqual({
      subject: { ok: true, text: '[VD-2026-007] XSS Bcc: everyone@example.com' },
      body: { ok: true, text: 'Dear Priya Raman,\n\nThanks.' },
    })
  })

  it('reports the subject and the body each with its own error', () => {
    const draft = renderDraft({ subject: '{{ nope }}', body: 'ok\n{% if %}' }, vars)
    expect(draft.subject).toMatchObject({ ok: false, error: { line: 1, column: 4 } })
    expect(draft.body).toMatchObject({ ok: false, error: { line: 2 } })
  })
})
