// `npm run docs`: writes the README's inputs and outputs tables and its full `uses:` block from
// action.yml, and its job summary sample from a real run of the committed bundle, so the
// documentation cannot drift from the metadata or from what the action writes. `--check` only compares.
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import { DEFAULT_TOKEN, startCppEmulator } from '../emulator/cpp-emulator.ts'
import { ROOT, runAction } from './run-action.ts'
import { HASH_FILE, sourceHash } from './source-hash.ts'

export const ACTION_REF = 'your-org/azure-marketplace-go-live@v1'

interface Metadata {
  inputs: Record<string, { description: string; required?: boolean; default?: string }>
  outputs: Record<string, { description: string }>
}

const cell = (text: string): string =>
  text
    .replace(/\|/g, '\\|')
    .replace(/\s*\n\s*/g, ' ')
    .trim()

export function renderSections(actionYml: string): Record<string, string> {
  const metadata = parse(actionYml) as Metadata
  const inputs = Object.entries(metadata.inputs)
  const outputs = Object.entries(metadata.outputs)
  const inputsTable = [
    '| Input | Required | Default | Description |',
    '| --- | --- | --- | --- |',
    ...inputs.map(
      ([name, i]) =>
        `| \`${name}\` | ${i.required ? 'yes' : 'no'} | ${i.default !== undefined ? `\`${i.default}\`` : ''} | ${cell(i.description)} |`
    )
  ].join('\n')
  const outputsTable = [
    '| Output | Description |',
    '| --- | --- |',
    ...outputs.map(([name, o]) => `| \`${name}\` | ${cell(o.description)} |`)
  ].join('\n')
  const usage = [
    '```yaml',
    `- uses: ${ACTION_REF}`,
    '  with:',
    ...inputs.flatMap(([name, i]) => {
      const words = cell(i.description).split(' ')
      const lines: string[] = []
      let line = '    #'
      for (const word of words) {
        if (line.length + word.length > 100) {
          lines.push(line)
          line = '    #'
        }
        line += ` ${word}`
      }
      lines.push(line)
      const value = i.default !== undefined ? `'${i.default}'` : "''"
      return [...lines, `    ${name}: ${value}${i.required ? ' # required' : ''}`, '']
    })
  ]
  if (usage.at(-1) === '') usage.pop()
  usage.push('```')
  return { inputs: inputsTable, outputs: outputsTable, usage: usage.join('\n') }
}

/** The service's origin, shown instead of the emulator's (the CPP API's default base-url). */
const SERVICE_ORIGIN = 'https://cloudpartner.azure.com'
/** The operation id of the sample: the one of Learn's "Go live API" sample (`…/operations/56615b67-…`). */
const SAMPLE_OPERATION_ID = '56615b67-2185-49fe-80d2-c4ddf77bb2e8'
/** The elapsed time shown: the run takes milliseconds against the emulator, a real go-live far longer. */
const SAMPLE_ELAPSED = 'Elapsed 40m.'

/**
 * The job summary of a real run: the committed bundle takes contoso/contoso-vm live through the CPP
 * emulator (its default go-live: steps with the service's 7-digit timestamps, preview and live links)
 * and waits for it. What varies from run to run is replaced: the emulator's origin by the service's,
 * the elapsed time by SAMPLE_ELAPSED; the operation id is fixed through the emulator. A blockquote.
 */
export async function summarySample(): Promise<string> {
  // A sample from a bundle older than the sources would show what the action no longer writes.
  if (readFileSync(HASH_FILE, 'utf8').trim() !== sourceHash()) {
    throw new Error('dist/ was not built from the sources as they are: run `npm run bundle` first (the summary sample is a run of it).')
  }
  const emulator = await startCppEmulator({ operationId: () => SAMPLE_OPERATION_ID })
  try {
    emulator.addOffer({ publisher: 'contoso', offer: 'contoso-vm', locationStyle: 'location-migrated' })
    const inputs = { publisher: 'contoso', offer: 'contoso-vm', token: DEFAULT_TOKEN, 'base-url': emulator.url, wait: 'true' }
    const result = await runAction({ inputs: { ...inputs, 'poll-interval': '20ms' } })
    if (result.exitCode !== 0 || !result.summary) {
      throw new Error(`The sample run failed (exit ${result.exitCode}): ${result.stdout.slice(-2_000)}${result.stderr.slice(-2_000)}`)
    }
    const summary = result.summary
      .split(emulator.url)
      .join(SERVICE_ORIGIN)
      .replace(/Elapsed [^.]+\./, SAMPLE_ELAPSED)
      .trimEnd()
    return summary
      .split('\n')
      .map((line) => (line ? `> ${line}` : '>'))
      .join('\n')
  } finally {
    await emulator.close()
  }
}

/**
 * The README with every generated section replaced: the tables from action.yml, and, when given,
 * the summary sample (summarySample()'s; without it, that section is left as it is).
 */
export function renderReadme(readme: string, actionYml: string, summary?: string): string {
  let text = readme
  const sections = summary === undefined ? renderSections(actionYml) : { ...renderSections(actionYml), summary }
  for (const [name, body] of Object.entries(sections)) {
    const pattern = new RegExp(`(<!-- generated:${name}:start[^>]*-->)[\\s\\S]*?(<!-- generated:${name}:end -->)`)
    if (!pattern.test(text)) throw new Error(`README.md has no generated:${name} section`)
    text = text.replace(pattern, (_, start: string, end: string) => `${start}\n${body}\n${end}`)
  }
  return text
}

if (process.argv[1] === import.meta.filename) {
  const readmePath = join(ROOT, 'README.md')
  const current = readFileSync(readmePath, 'utf8')
  const wanted = renderReadme(current, readFileSync(join(ROOT, 'action.yml'), 'utf8'), await summarySample())
  if (process.argv.includes('--check')) {
    if (current !== wanted) {
      console.error(
        'README.md is out of date with action.yml or with the summary the bundle writes: run `npm run docs` (after `npm run bundle`).'
      )
      process.exit(1)
    }
    console.log('README.md matches action.yml and the summary the bundle writes.')
  } else {
    writeFileSync(readmePath, wanted)
    console.log(current === wanted ? 'README.md was up to date.' : 'README.md updated from action.yml and a run of the bundle.')
  }
}
