// `npm run docs`: writes the README's inputs and outputs tables and its full `uses:` block from
// action.yml, so the documentation cannot drift from the metadata. `--check` only compares.
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import { ROOT } from './run-action.ts'

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

/** The README with every generated section replaced. */
export function renderReadme(readme: string, actionYml: string): string {
  let text = readme
  for (const [name, body] of Object.entries(renderSections(actionYml))) {
    const pattern = new RegExp(`(<!-- generated:${name}:start[^>]*-->)[\\s\\S]*?(<!-- generated:${name}:end -->)`)
    if (!pattern.test(text)) throw new Error(`README.md has no generated:${name} section`)
    text = text.replace(pattern, (_, start: string, end: string) => `${start}\n${body}\n${end}`)
  }
  return text
}

if (process.argv[1] === import.meta.filename) {
  const readmePath = join(ROOT, 'README.md')
  const current = readFileSync(readmePath, 'utf8')
  const wanted = renderReadme(current, readFileSync(join(ROOT, 'action.yml'), 'utf8'))
  if (process.argv.includes('--check')) {
    if (current !== wanted) {
      console.error('README.md is out of date with action.yml: run `npm run docs`.')
      process.exit(1)
    }
    console.log('README.md matches action.yml.')
  } else {
    writeFileSync(readmePath, wanted)
    console.log(current === wanted ? 'README.md was up to date.' : 'README.md updated from action.yml.')
  }
}
