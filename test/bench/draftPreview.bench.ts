import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Settings } from '../../src/settings/settings'
import { emptyDocument } from '../../src/store/document'
import { launchApp } from '../e2e/harness'
import { realisticCases } from './fixtures/realisticCases'
import { median, tenths } from './fixtures/median'

const runs = 25
const bodyChars = 20_000

/**
 * A long reply as a team writes one: the template's own text, then paragraphs with variables and a condition, up to
 * 20 KB. Every character of it is parsed and rendered again on each keystroke.
 */
function longBody(start: string): string {
  const paragraph =
    'We reproduced the issue you reported on {{ asset }} and have shared it with the team that owns it. ' +
    '{% if reporter_name != "" %}Thank you again, {{ reporter_name }}, for the clear steps.{% endif %} ' +
    'Our reference is {{ case_key }}; please keep it in the subject of any reply so that it reaches us.\n\n'
  let body = `${start}\n\n`
  while (body.length < bodyChars) body += paragraph
  return body.slice(0, bodyChars)
}

// In-page code is plain JavaScript text: the TypeScript runner would otherwise add helpers the page does not have.
// One character typed `fromEnd` characters before the end of the body, until the first frame after the preview shows it
const measureKeystroke = `async (key, fromEnd) => {
  const input = document.querySelector('textarea[aria-invalid]')
  const shown = document.querySelector('[aria-label="Body as sent"]')
  const start = performance.now()
  const changed = new Promise((resolve, reject) => {
    setTimeout(() => reject(new Error('the preview did not show the keystroke within 5 s')), 5000)
    const observer = new MutationObserver(() => {
      if (!shown.textContent.endsWith(key)) return
      observer.disconnect()
      resolve()
    })
    observer.observe(shown, { childList: true, subtree: true, characterData: true })
  })
  const at = input.value.length - fromEnd
  const typed = input.value.slice(0, at) + key + input.value.slice(at)
  Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value').set.call(input, typed)
  input.dispatchEvent(new Event('input', { bubbles: true }))
  await changed
  await new Promise((resolve) => requestAnimationFrame(resolve))
  return performance.now() - start
}`


/**
 * The draft screen in Chromium (built renderer, real store through the e2e bridge) with a 20 KB body: from one
 * character typed in the body to the first frame after the preview shows it. The preview renders in the renderer
 * (liquidjs, strict), so no IPC is in the measured path. The characters are typed at the end, in text between tags,
 * where most typing happens. A keystroke inside a {{ }} or {% %} also reads the template's variables again (a new
 * tag); `draft-preview-keystroke-in-tag` types into the string of an output `{{ "…" }}` put at the end of the body.
 */
export default async function draftPreviewBench(): Promise<Record<string, unknown>[]> {
  const dir = await mkdtemp(join(tmpdir(), 'desk-draft-bench-'))
  const storeFile = join(dir, 'disclosure-desk.json')
  const [kase] = realisticCases(1, 7)
  const settings = Settings.parse({
    team: [{ id: 'm-bench', name: 'Sam de Vries', email: 'security@example.nl', role: 'Security lead' }],
    currentMemberId: 'm-bench',
  })
  await writeFile(storeFile, JSON.stringify({ ...emptyDocument(), settings, cases: [kase] }))
  const app = await launchApp({ storeFile })
  const { page } = app
  try {
    await page.getByRole('link', { name: 'Cases' }).first().waitFor()
    await app.emit({ name: 'app:navigate', payload: { to: `/cases/${kase!.id}/draft` } })
    const source = page.getByLabel('Body', { exact: true })
    await source.waitFor({ timeout: 60_000 })
    await source.fill(longBody(await source.inputValue()))
    const shown = page.getByLabel('Body as sent')
    await page.waitForFunction((n) => (document.querySelector('[aria-label="Body as sent"]')?.textContent?.length ?? 0) > n, bodyChars / 2)
    if ((await source.inputValue()).length !== bodyChars) throw new Error('the body is not 20 KB')
    if (!(await shown.innerText()).includes(kase!.key)) throw new Error('the preview does not show the rendered body')

    const letters = [...'abcdefghijklmnopqrstuvwxyz'.slice(0, runs)]
    const keystrokes: number[] = []
    for (const letter of letters) {
      keystrokes.push(await page.evaluate<number>(`(${measureKeystroke})(${JSON.stringify(letter)}, 0)`))
    }
    const inTag: number[] = []
    const output = '{{ "" }}'
    await source.fill(`${await source.inputValue()}${output}`)
    const inString = output.length - output.indexOf('"') - 1
    for (const letter of letters) {
      inTag.push(await page.evaluate<number>(`(${measureKeystroke})(${JSON.stringify(letter)}, ${inString})`))
    }
    if (!(await source.inputValue()).endsWith(`{{ "${letters.join('')}" }}`)) throw new Error('the keystrokes missed the tag')
    return [
      { name: 'draft-preview-keystroke', ms: tenths(median(keystrokes)) },
      { name: 'draft-preview-keystroke-in-tag', ms: tenths(median(inTag)) },
    ]
  } finally {
    await app.close()
    await rm(dir, { recursive: true, force: true })
  }
}
