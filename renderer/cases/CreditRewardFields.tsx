import { CreditChoice, CveCreditType, RewardStatus } from '../../src/cases/case'
import { creditChoiceLabels, cveCreditTypeLabels, rewardStatusLabels } from '../../src/i18n/labels'
import { Field } from '../forms/Field'
import type { CreditDraft, FieldErrors, RewardDraft } from './caseDraft'

type Props = {
  credit: CreditDraft
  reward: RewardDraft
  errors: FieldErrors
  onCredit(change: Partial<CreditDraft>): void
  onReward(change: Partial<RewardDraft>): void
}

/** How the reporter wants to be credited, and what they get: edited with the rest of the case. */
export function CreditRewardFields({ credit, reward, errors, onCredit, onReward }: Props) {
  return (
    <>
      <fieldset className="form-section">
        <legend>Credit</legend>
        <div className="field-grid">
          <Field
            label="Credit choice"
            error={errors['credit.choice']}
            hint="Choosing how the reporter is credited (by name, by handle, anonymous, or declined) keeps the promise to confirm credit."
          >
            {(a) => (
              <select {...a} value={credit.choice} onChange={(e) => onCredit({ choice: CreditChoice.parse(e.target.value) })}>
                {CreditChoice.options.map((c) => (
                  <option key={c} value={c}>
                    {creditChoiceLabels.en[c]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="CVE credit type" error={errors['credit.cveCreditType']}>
            {(a) => (
              <select
                {...a}
                value={credit.cveCreditType}
                onChange={(e) => onCredit({ cveCreditType: CveCreditType.parse(e.target.value) })}
              >
                {CveCreditType.options.map((c) => (
                  <option key={c} value={c}>
                    {cveCreditTypeLabels.en[c]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Credit display name" error={errors['credit.displayName']} optional>
            {(a) => <input {...a} type="text" value={credit.displayName} onChange={(e) => onCredit({ displayName: e.target.value })} />}
          </Field>
          <Field label="Credit URL" error={errors['credit.url']} optional>
            {(a) => <input {...a} type="url" value={credit.url} onChange={(e) => onCredit({ url: e.target.value })} />}
          </Field>
        </div>
      </fieldset>
      <fieldset className="form-section">
        <legend>Reward</legend>
        <div className="field-grid">
          <Field label="Reward status" error={errors['reward.status']}>
            {(a) => (
              <select {...a} value={reward.status} onChange={(e) => onReward({ status: RewardStatus.parse(e.target.value) })}>
                {RewardStatus.options.map((s) => (
                  <option key={s} value={s}>
                    {rewardStatusLabels.en[s]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <div className="field-pair">
            <Field label="Reward amount" error={errors['reward.amount']} optional>
              {(a) => (
                <input {...a} type="text" inputMode="decimal" value={reward.amount} onChange={(e) => onReward({ amount: e.target.value })} />
              )}
            </Field>
            <Field label="Currency" error={errors['reward.currency']}>
              {(a) => (
                <input
                  {...a}
                  type="text"
                  className="mono input-short"
                  maxLength={3}
                  value={reward.currency}
                  onChange={(e) => onReward({ currency: e.target.value })}
                />
              )}
            </Field>
          </div>
          <label className="checkbox">
            <input type="checkbox" checked={reward.swag} onChange={(e) => onReward({ swag: e.target.checked })} />
            Swag
          </label>
        </div>
      </fieldset>
    </>
  )
}
