import { useState } from 'react'
import { Link, useParams } from 'react-router'
import type { TemplateEntry } from '../../src/drafts/catalog'
import { purposeLabels } from '../../src/i18n/draftWords'
import { useTemplates } from '../queries/templates'
import { LoadFailed } from '../shell/LoadFailed'
import { Loading } from '../shell/Loading'
import { useFailureShown } from '../shell/Problems'
import { TemplateEditor } from './TemplateEditor'
import './templates.css'

/** Shipped, as the team edited it, or the team's own: what the list says of each. */
function templateKind(t: Pick<TemplateEntry, 'shipped' | 'edited'>): string {
  if (!t.shipped) return 'Your template'
  return t.edited ? 'Shipped · edited' : 'Shipped'
}

/** The email templates drafts start from: the shipped ones (editable, resettable) and the team's own copies. */
export function TemplatesScreen() {
  const { id } = useParams()
  const { data: templates, error, refetch } = useTemplates()
  useFailureShown(error)
  // The template shown last: kept on screen when someone else deletes it, so nothing typed in its editor is lost.
  const [last, setLast] = useState<TemplateEntry | undefined>()
  const found = templates?.find((t) => t.id === id) ?? (id === undefined ? templates?.[0] : undefined)
  if (found && found !== last) setLast(found)
  const gone = !found && last !== undefined && last.id === id

  const header = (
    <header className="screen-header">
      <p className="breadcrumb small">
        <Link to="/settings">Settings</Link> / Email templates
      </p>
      <h1>Email templates</h1>
      <p className="screen-lead">
        The text every draft starts from, in English and Dutch, written in Liquid: <code className="mono">{'{{ case_key }}'}</code>{' '}
        puts in a value, <code className="mono">{'{% if … %}'}</code> a condition. What a reporter wrote is always
        inserted as text, never run as a template.
      </p>
    </header>
  )
  if (error) {
    return (
      <div className="screen">
        {header}
        <LoadFailed what="The templates" onRetry={() => void refetch()} />
      </div>
    )
  }
  if (!templates) return <Loading what="templates" />
  const selected = found ?? (gone ? last : undefined)

  return (
    <div className="screen">
      {header}
      <div className="templates-layout">
        <nav className="templates-nav" aria-label="Templates">
          <ul>
            {templates.map((t) => (
              <li key={t.id}>
                <Link
                  to={`/settings/templates/${encodeURIComponent(t.id)}`}
                  className={t.id === selected?.id ? 'templates-link active' : 'templates-link'}
                  aria-current={t.id === selected?.id ? 'page' : undefined}
                >
                  <span className="templates-link-name">{t.name}</span>
                  <span className="templates-link-meta">
                    {templateKind(t)}
                    {!t.shipped && ` · ${purposeLabels.en[t.purpose]}`}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        {selected ? (
          <TemplateEditor key={selected.id} entry={selected} all={templates} gone={gone} />
        ) : (
          <div className="card">
            <p>There is no template “{id}”. It may have been deleted; choose one from the list.</p>
          </div>
        )}
      </div>
    </div>
  )
}
