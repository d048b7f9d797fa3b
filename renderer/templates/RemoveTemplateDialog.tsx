import type { TemplateEntry } from '../../src/drafts/catalog'
import type { TemplatePart } from '../../src/drafts/mergeTemplate'
import type { DraftTemplate } from '../../src/drafts/template'
import { templatePartLabel } from '../../src/i18n/partLabels'
import type { PartEdit } from '../../src/merge/parts'
import { Dialog } from '../dialogs/Dialog'
import { TheirChanges } from '../forms/TheirChanges'
import { longTemplatePart, templateValueText } from './TemplateConflict'

/**
 * A reset of an edited shipped template, or a deletion of the team's own, as asked: `name` as the person chose it,
 * `base` the template as they saw it. Refused because someone changed it since, `changes` holds what they changed,
 * and `base` the template as it is now, for asking again.
 */
export interface Removal {
  kind: 'reset' | 'delete'
  name: string
  base: DraftTemplate
  changes?: readonly PartEdit<TemplatePart>[]
  /** How many times it was refused so far: each new question gets the focus on Keep again. */
  refused: number
}

/** Asks before a template's text is reset or the template deleted; after a colleague's change, shows it first. */
export function RemoveTemplateDialog({
  removal,
  all,
  busy,
  onRemove,
  onKeep,
}: {
  removal: Removal
  all: readonly TemplateEntry[]
  busy: boolean
  onRemove(): void
  onKeep(): void
}) {
  const reset = removal.kind === 'reset'
  const { changes } = removal
  return (
    <Dialog
      key={removal.refused}
      title={changes ? `Someone else changed “${removal.name}” since you opened it` : reset ? `Reset “${removal.name}”?` : `Delete “${removal.name}”?`}
      onCancel={onKeep}
      actions={
        <>
          <button type="button" className="button" onClick={onKeep}>
            Keep
          </button>
          <button type="button" className="button button-danger" disabled={busy} onClick={onRemove}>
            {changes ? (reset ? 'Reset anyway' : 'Delete anyway') : reset ? 'Reset to shipped text' : 'Delete template'}
          </button>
        </>
      }
    >
      {changes ? (
        <>
          <p>
            Nothing was {reset ? 'reset' : 'deleted'}. Look at their change first:{' '}
            {reset ? 'a reset replaces it with the text Disclosure Desk ships too.' : 'deleting the template removes it too.'}
          </p>
          <TheirChanges changes={changes} partLabel={templatePartLabel} valueText={templateValueText(all)} long={longTemplatePart} />
        </>
      ) : (
        <p>
          {reset
            ? 'Your team’s edits of the English and Dutch text are replaced by the text Disclosure Desk ships. Emails already sent keep their text.'
            : 'It can no longer be picked for a draft. Emails already sent from it keep their text on their cases.'}
        </p>
      )}
    </Dialog>
  )
}
