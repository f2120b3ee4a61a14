// Global setup of the e2e tests: they run the committed bundle (dist/index.js), so it must be what
// the sources build. dist/.source-hash (written by `npm run bundle`, see scripts/source-hash.ts)
// says what dist/ was built from. When it differs from the sources: on a developer's machine the
// bundle is rebuilt here (and shows in `git status`, to be committed); in CI (`CI` set) the run
// fails naming the command instead, so CI never tests a bundle other than the committed one.
import { execFileSync } from 'node:child_process'
import { join } from 'node:path'

/** Whether dist/ records the hash of the sources as they are (the script runs under Node 24, as the e2e tests do). */
function fresh(root: string): boolean {
  try {
    execFileSync(join(root, 'node_modules', 'node', 'bin', 'node'), [join(root, 'scripts', 'source-hash.ts'), '--check'], {
      stdio: 'ignore'
    })
    return true
  } catch {
    return false
  }
}

export default function globalSetup(_global: unknown, project: { rootDir: string }): void {
  if (fresh(project.rootDir)) return
  const stale = 'dist/ was not built from the sources as they are (dist/.source-hash differs)'
  if (process.env.CI) throw new Error(`${stale}: run \`npm run bundle\` and commit dist/.`)
  process.stderr.write(`\n${stale}: rebuilding it with \`npm run bundle\` before the e2e tests (commit dist/ afterwards).\n`)
  execFileSync('npm', ['run', '--silent', 'bundle'], { cwd: project.rootDir, stdio: ['ignore', 'ignore', 'inherit'] })
  if (!fresh(project.rootDir)) throw new Error(`${stale}, also after \`npm run bundle\`: run it by hand and read its errors.`)
}
