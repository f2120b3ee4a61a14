// Third-party notices of the bundle: dist/licenses.txt names every package whose code dist/ holds,
// with its license and license text (MIT and BSD ask for the notice in every copy, a bundle too).
// ncc's own `--license` misses a package whose ES modules webpack concatenated into a module of
// another package or of src/ (its plugin reads only each concatenation's root module): @actions/core,
// htmlparser2 and @azure/msal-common were missing. This reads webpack's stats instead (`ncc build
// --stats-out`): every module of an emitted chunk, concatenated ones included.
//
// `node scripts/licenses.ts STATS.json`: writes dist/licenses.txt, then deletes STATS.json (it is
// tens of MB, and of no use after).
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')

interface StatsModule {
  name?: string
  chunks?: Array<string | number>
  modules?: StatsModule[]
}

/**
 * The folders (relative to the project, `node_modules/x` or `node_modules/a/node_modules/@s/b`) of the
 * packages whose modules are in an emitted chunk; a module of no chunk (dropped by tree shaking) not.
 */
export function bundledPackages(stats: { modules?: StatsModule[] }): string[] {
  const folders = new Set<string>()
  const visit = (module: StatsModule): void => {
    if (module.modules) module.modules.forEach(visit)
    // The innermost node_modules/ names the package: a nested copy is a package of its own.
    const match = /^(?:\.\/)?((?:.*\/)?node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(module.name ?? '')
    if (match?.[1]) folders.add(match[1])
  }
  for (const module of stats.modules ?? []) if (module.chunks?.length) visit(module)
  return [...folders].sort()
}

/** One package's notice: its name, its license as package.json says, and its license file. */
function notice(folder: string): { name: string; text: string } {
  const dir = join(ROOT, folder)
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name: string; license?: string }
  const file = readdirSync(dir)
    .filter((f) => /^(licen[cs]e|copying)(\.|$)/i.test(f))
    .sort()[0]
  const text = file ? readFileSync(join(dir, file), 'utf8').replace(/\r\n/g, '\n').trim() : '(the package has no license file)'
  return { name: pkg.name, text: `${pkg.name}\n${pkg.license ?? 'UNKNOWN'}\n${text}\n` }
}

/** dist/licenses.txt for these packages: one notice each, by name; a package bundled twice once per distinct text. */
export function licensesText(folders: string[]): string {
  const notices = folders.map(notice).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  return [...new Set(notices.map((n) => n.text))].join('\n\n')
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const statsFile = process.argv[2]
  if (!statsFile || !existsSync(statsFile)) throw new Error('usage: node scripts/licenses.ts STATS.json (from ncc build --stats-out)')
  const folders = bundledPackages(JSON.parse(readFileSync(statsFile, 'utf8')) as { modules?: StatsModule[] })
  if (folders.length === 0) throw new Error(`${statsFile} names no bundled package: is it ncc's --stats-out?`)
  writeFileSync(join(ROOT, 'dist', 'licenses.txt'), licensesText(folders))
  rmSync(statsFile)
}
