// What dist/ was built from, as one hash. `npm run bundle` ends by writing it to dist/.source-hash
// (committed with the bundle); the e2e tests' global setup compares it with the sources as they are,
// so a bundle older than src/ is never tested by accident.
//
// Why a content hash and not file times: a fresh clone (CI) gets its mtimes in checkout order, so
// "src/ newer than dist/index.js" says nothing there. Why not rebuild to a temp dir and compare: ncc
// takes about 7 s a run, this check under 0.1 s. The hash covers what the bundle is made of: every
// file under src/ and stubs/ but the READMEs, package-lock.json (every dependency, ncc included),
// tsconfig.json, scripts/licenses.ts (it writes dist/licenses.txt), and the package.json fields that
// change the build (`type`, the `bundle` script).
// Line endings are normalised, so a Windows checkout with autocrlf hashes the same.
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, relative, sep } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
export const HASH_FILE = join(ROOT, 'dist', '.source-hash')

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    return entry.isDirectory() ? filesUnder(path) : entry.isFile() ? [path] : []
  })
}

export function sourceHash(root = ROOT): string {
  const hash = createHash('sha256')
  const add = (name: string, content: string): void => void hash.update(`${name}\0${content.replace(/\r\n/g, '\n')}\0`)
  const files = [
    ...filesUnder(join(root, 'src')),
    ...filesUnder(join(root, 'stubs')),
    join(root, 'package-lock.json'),
    join(root, 'tsconfig.json'),
    join(root, 'scripts', 'licenses.ts')
  ]
  for (const path of files.map((p) => relative(root, p).split(sep).join('/')).sort()) add(path, readFileSync(join(root, path), 'utf8'))
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { type?: string; scripts?: Record<string, string> }
  add('package.json', JSON.stringify({ type: pkg.type, bundle: pkg.scripts?.bundle }))
  return hash.digest('hex')
}

/** The hash dist/ records, or undefined when it records none. */
function recordedHash(): string | undefined {
  try {
    return readFileSync(HASH_FILE, 'utf8').trim()
  } catch {
    return undefined
  }
}

// `node scripts/source-hash.ts`: the last step of `npm run bundle`, records the hash.
// `node scripts/source-hash.ts --check`: exits 1 when dist/ records another hash, or none.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (process.argv[2] === '--check') process.exitCode = recordedHash() === sourceHash() ? 0 : 1
  else writeFileSync(HASH_FILE, `${sourceHash()}\n`)
}
