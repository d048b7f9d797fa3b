import { civilDateOf, isoWeekdayOf, parseIsoDate } from '../calendar/dayNumber'
import type { IsoDate } from '../calendar/spec'
import type { Credit, Reward } from '../cases/fields'
import type { TemplatePurpose } from '../drafts/template'
import type { PolicyRule } from '../policies/policy'
import { wallClockOf } from '../time'
import { zoneLabel } from './dates'
import type { Language } from './language'

// The words of an email to a reporter. Screens abbreviate dates ('Thu 3 Dec'); a letter writes them out in full, in
// the reporter's language, without asking Intl (whose output varies with the runtime's ICU data).

/** What each kind of email is for, as the template picker and the timeline name it. */
export const purposeLabels: Record<Language, Record<TemplatePurpose, string>> = {
  en: {
    acknowledgement: 'Acknowledgement of receipt',
    request_info: 'Request for more information',
    evaluation: 'Evaluation with expected resolution date',
    progress_update: 'Progress update',
    fix_released: 'Fix released',
    publication_consultation: 'Publication consultation',
    credit_confirmation: 'Credit confirmation (Hall of Fame)',
    reward_decision: 'Reward decision',
    not_vulnerability: 'Not a vulnerability / out of scope',
    duplicate: 'Duplicate',
    closing: 'Closing',
  },
  nl: {
    acknowledgement: 'Ontvangstbevestiging',
    request_info: 'Verzoek om aanvullende informatie',
    evaluation: 'Beoordeling met verwachte hersteldatum',
    progress_update: 'Voortgangsbericht',
    fix_released: 'Oplossing uitgebracht',
    publication_consultation: 'Overleg over publicatie',
    credit_confirmation: 'Bevestiging van vermelding (Hall of Fame)',
    reward_decision: 'Besluit over beloning',
    not_vulnerability: 'Geen kwetsbaarheid / buiten scope',
    duplicate: 'Al eerder gemeld',
    closing: 'Afsluiting',
  },
}

const weekdays: Record<Language, readonly string[]> = {
  en: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
  nl: ['maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag', 'zondag'],
}
const months: Record<Language, readonly string[]> = {
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  nl: ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'],
}

/** 'Thursday 3 December 2026', 'donderdag 3 december 2026'. */
export function letterDate(date: IsoDate, lang: Language): string {
  const day = parseIsoDate(date)
  const { year, month, day: dayOfMonth } = civilDateOf(day)
  return `${weekdays[lang][isoWeekdayOf(day) - 1]} ${dayOfMonth} ${months[lang][month - 1]} ${year}`
}

/**
 * 'Thursday 3 December 2026 at 14:00 (Europe/Amsterdam)', 'donderdag 3 december 2026 om 14:00 (Europe/Amsterdam)':
 * a moment on the clock of `timeZone`, naming the zone so that nobody has to guess whose 14:00 it is. A fixed offset
 * reads 'UTC+05:00', never the backwards POSIX name 'Etc/GMT-5' an imported mail's Date may have given the case.
 */
export function letterDateTime(instant: string, timeZone: string, lang: Language): string {
  const wall = wallClockOf(Date.parse(instant), timeZone)
  const time = `${String(wall.hour).padStart(2, '0')}:${String(wall.minute).padStart(2, '0')}`
  return `${letterDate(wall.date, lang)} ${lang === 'nl' ? 'om' : 'at'} ${time} (${zoneLabel(timeZone)})`
}

const units: Record<Language, Record<PolicyRule['unit'], [one: string, many: string]>> = {
  en: { business_days: ['business day', 'business days'], calendar_days: ['day', 'days'] },
  nl: { business_days: ['werkdag', 'werkdagen'], calendar_days: ['dag', 'dagen'] },
}

/** '15 business days', '3 werkdagen': how long a policy gives itself. */
export function periodWords(amount: number, unit: PolicyRule['unit'], lang: Language): string {
  const [one, many] = units[lang][unit]
  return `${amount} ${amount === 1 ? one : many}`
}

const currencySymbols: Record<string, string> = { EUR: '€', USD: '$', GBP: '£' }

function grouped(whole: number, separator: string): string {
  return String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, separator)
}

/** '€1,500', '€ 1.500', '€250.50', 'CHF 300': an amount as a letter in that language writes it, cents only when there are any. */
export function moneyWords(amount: number, currency: string, lang: Language): string {
  const cents = Math.round(amount * 100) % 100
  const whole = Math.floor(Math.round(amount * 100) / 100)
  const [thousands, decimal] = lang === 'nl' ? ['.', ','] : [',', '.']
  const number = grouped(whole, thousands) + (cents === 0 ? '' : `${decimal}${String(cents).padStart(2, '0')}`)
  const symbol = currencySymbols[currency]
  if (symbol === undefined) return `${currency} ${number}`
  return lang === 'nl' ? `${symbol} ${number}` : `${symbol}${number}`
}

/**
 * The reward as a sentence continues it ('we would like to offer you …'): 'a reward of €250 and a thank-you
 * package'; empty when the case records neither an amount nor swag.
 */
export function rewardWords(reward: Reward, lang: Language): string {
  const amount = reward.amount !== undefined && reward.amount > 0 ? moneyWords(reward.amount, reward.currency, lang) : undefined
  const words =
    lang === 'nl'
      ? { amount: `een beloning van ${amount}`, swag: 'een bedankpakket', and: 'en' }
      : { amount: `a reward of ${amount}`, swag: 'a thank-you package', and: 'and' }
  if (amount !== undefined && reward.swag) return `${words.amount} ${words.and} ${words.swag}`
  if (amount !== undefined) return words.amount
  return reward.swag ? words.swag : ''
}

/**
 * How the reporter will be named in the advisory and the Hall of Fame. When they were not asked yet, the name the
 * report came with (both presets name the discoverer unless they wish otherwise); empty when they declined.
 */
export function creditWords(credit: Credit, reporter: { name: string; handle?: string | undefined }, lang: Language): string {
  switch (credit.choice) {
    case 'named':
    case 'not_asked': {
      const name = credit.displayName ?? reporter.name
      return credit.url === undefined ? name : `${name} (${credit.url})`
    }
    case 'handle':
      return credit.displayName ?? reporter.handle ?? reporter.name
    case 'anonymous':
      return lang === 'nl' ? 'een anonieme onderzoeker' : 'an anonymous researcher'
    case 'declined':
      return ''
  }
}

/** Who signs when the sending member has no name or signature yet. */
export const teamSignature: Record<Language, string> = { en: 'The security team', nl: 'Het securityteam' }

/** What each template variable holds, for the variable list of the template editor. */
export const variableDescriptions: Record<Language, Record<string, string>> = {
  en: {
    case_key: 'The case key, e.g. VD-2026-007; keep it in the subject so that replies thread',
    case_title: 'The title of the case',
    asset: 'The system or product the report is about',
    severity: 'The severity in words, with the CVSS score when rated with CVSS; empty when unrated',
    severity_rating: 'The rating as data: none, low, medium, high or critical; empty when unrated',
    cvss_vector: 'The CVSS vector; empty when not rated with CVSS',
    status: 'The status of the case, in the recipient’s language',
    received: 'When the report arrived, on the reporter’s clock, with the zone',
    today: 'Today’s date on the reporter’s clock',
    reporter_name: 'The reporter’s name, on one line',
    reporter_email: 'The reporter’s email address',
    reporter_handle: 'The reporter’s handle; empty when none',
    sender_name: 'Your name, from the team in Settings',
    sender_role: 'Your role, from the team in Settings; empty when none',
    sender_email: 'Your email address, from the team in Settings',
    signature: 'Your signature from Settings, or your name, role and organisation',
    organisation: 'The organisation, from Settings',
    policy_name: 'The name of the policy the case follows',
    ack_due: 'When receipt must be confirmed; empty when the policy sets no time',
    ack_within: 'How long the policy gives to confirm receipt, e.g. 2 business days; empty when it sets no time',
    evaluation_due: 'When the evaluation is due; empty while it is not counted yet or the policy sets no time',
    evaluation_within: 'How long the policy gives for the evaluation, e.g. 15 business days; empty when it sets no time',
    expected_resolution_date: 'The expected resolution date: the one you enter in the draft, else the one promised on the case',
    previous_resolution_date: 'The resolution date promised before, when the draft postpones it; else empty',
    previous_resolution_passed: '“yes” once the promised resolution date has passed without the fix released; else empty',
    next_update_due: 'When the next progress update is due; empty while it is not counted yet',
    update_interval: 'How often the policy’s progress updates are due, e.g. 10 business days',
    publication_date: 'The proposed publication moment, on the reporter’s clock with the zone; empty when none',
    credit_line: 'How the reporter will be credited; empty when they declined credit',
    credit_choice: 'The credit choice as data: not_asked, named, handle, anonymous or declined',
    reward: 'The reward in words, e.g. a reward of €250; empty when none is recorded',
    reward_amount: 'The reward amount with its currency; empty when none',
    reward_status: 'The reward status as data: none, proposed, approved or paid',
    report_excerpt: 'The first lines of the report, as text; empty for an encrypted report',
  },
  nl: {
    case_key: 'De zaaksleutel, bijv. VD-2026-007; laat hem in het onderwerp staan zodat antwoorden bij elkaar blijven',
    case_title: 'De titel van de zaak',
    asset: 'Het systeem of product waarover de melding gaat',
    severity: 'De ernst in woorden, met de CVSS-score als die is bepaald; leeg als de ernst niet is beoordeeld',
    severity_rating: 'De ernst als gegeven: none, low, medium, high of critical; leeg als niet beoordeeld',
    cvss_vector: 'De CVSS-vector; leeg zonder CVSS-beoordeling',
    status: 'De status van de zaak, in de taal van de ontvanger',
    received: 'Wanneer de melding binnenkwam, op de klok van de melder, met de tijdzone',
    today: 'De datum van vandaag op de klok van de melder',
    reporter_name: 'De naam van de melder, op één regel',
    reporter_email: 'Het e-mailadres van de melder',
    reporter_handle: 'De schuilnaam van de melder; leeg als die er niet is',
    sender_name: 'Uw naam, uit het team in de instellingen',
    sender_role: 'Uw functie, uit het team in de instellingen; leeg als die er niet is',
    sender_email: 'Uw e-mailadres, uit het team in de instellingen',
    signature: 'Uw ondertekening uit de instellingen, of uw naam, functie en organisatie',
    organisation: 'De organisatie, uit de instellingen',
    policy_name: 'De naam van het beleid dat voor de zaak geldt',
    ack_due: 'Wanneer de ontvangst uiterlijk bevestigd moet zijn; leeg als het beleid geen termijn noemt',
    ack_within: 'De termijn voor de ontvangstbevestiging, bijv. 2 werkdagen; leeg als het beleid er geen noemt',
    evaluation_due: 'Wanneer de beoordeling uiterlijk moet volgen; leeg zolang de termijn nog niet loopt',
    evaluation_within: 'De termijn voor de beoordeling, bijv. 15 werkdagen; leeg als het beleid er geen noemt',
    expected_resolution_date: 'De verwachte hersteldatum: die u in het concept invult, anders die aan de zaak is toegezegd',
    previous_resolution_date: 'De eerder toegezegde hersteldatum, als het concept die uitstelt; anders leeg',
    previous_resolution_passed: '“yes” zodra de toegezegde hersteldatum voorbij is zonder dat de oplossing is uitgebracht; anders leeg',
    next_update_due: 'Wanneer het volgende voortgangsbericht uiterlijk moet volgen; leeg zolang die termijn niet loopt',
    update_interval: 'Hoe vaak het beleid een voortgangsbericht belooft, bijv. 10 werkdagen',
    publication_date: 'Het voorgestelde publicatiemoment, op de klok van de melder met de tijdzone; leeg als er geen is',
    credit_line: 'Hoe de melder wordt vermeld; leeg als de melder geen vermelding wil',
    credit_choice: 'De keuze voor vermelding als gegeven: not_asked, named, handle, anonymous of declined',
    reward: 'De beloning in woorden, bijv. een beloning van € 250; leeg als er geen is vastgelegd',
    reward_amount: 'Het bedrag van de beloning met valuta; leeg als er geen is',
    reward_status: 'De status van de beloning als gegeven: none, proposed, approved of paid',
    report_excerpt: 'De eerste regels van de melding, als tekst; leeg bij een versleutelde melding',
  },
}
