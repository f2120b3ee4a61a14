// A stand-in for the Azure CLI on PATH: an `az` shell script in a temp directory that, like the real
// one (a script that starts Python), starts another process, a Node script. That script answers
// `az account get-access-token` as the CLI does (the shape of __tests__/fixtures/azure-cli-docs.ts),
// fails as it does, or never answers, as the test tells it (answers.json beside it, one answer per
// call, the last repeated), and records each call: its arguments, its environment and its pid.
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export type FakeAzAnswer =
  /** A token answer; `expiresOn`: epoch seconds. `before254`: without `expires_on`, as before Azure CLI 2.54.0. */
  | { token: string; expiresOn: number; before254?: boolean }
  /** A failure: stderr and exit code. */
  | { exit: number; stderr: string }
  /** Never answers (until a safety net ends it after a minute). */
  | { hang: true }
  /** Writes this many bytes to stdout and ends. */
  | { flood: number }

export interface FakeAzCall {
  argv: string[]
  env: Record<string, string>
  /** The pid of the process that answers (the script's child, as Python is the real az's). */
  pid: number
}

export interface FakeAz {
  dir: string
  /** A PATH with the fake first. */
  path: string
  answer(...answers: FakeAzAnswer[]): void
  calls(): FakeAzCall[]
  remove(): void
}

const ANSWERER = String.raw`
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
const dir = dirname(fileURLToPath(import.meta.url))
const answers = JSON.parse(readFileSync(join(dir, 'answers.json'), 'utf8'))
const counter = join(dir, 'count')
const n = existsSync(counter) ? Number(readFileSync(counter, 'utf8')) : 0
writeFileSync(counter, String(n + 1))
appendFileSync(join(dir, 'calls.jsonl'), JSON.stringify({ argv: process.argv.slice(2), env: process.env, pid: process.pid }) + '\n')
const answer = answers[Math.min(n, answers.length - 1)]
const pad = (v, width = 2) => String(v).padStart(width, '0')
// The CLI's expiresOn: local time, six fractional digits, no offset.
const local = (d) => d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate()) + ' ' + pad(d.getHours()) + ':' + pad(d.getMinutes()) + ':' + pad(d.getSeconds()) + '.000000'
if (answer.hang) {
  setInterval(() => undefined, 1000)
  setTimeout(() => process.exit(3), 60000) // a safety net: a test that failed leaves nothing running for long
} else if (answer.flood) {
  process.stdout.write('x'.repeat(answer.flood))
} else if ('exit' in answer) {
  process.stderr.write(answer.stderr + '\n')
  process.exitCode = answer.exit
} else {
  const body = { accessToken: answer.token, expiresOn: local(new Date(answer.expiresOn * 1000)) }
  if (!answer.before254) body.expires_on = answer.expiresOn
  Object.assign(body, { subscription: '00000000-0000-0000-0000-000000000000', tenant: '99999999-8888-7777-6666-555555555555', tokenType: 'Bearer' })
  process.stdout.write(JSON.stringify(body, null, 2) + '\n')
}
`

export function createFakeAz(): FakeAz {
  const dir = mkdtempSync(join(tmpdir(), 'fake-az-'))
  writeFileSync(join(dir, 'answer.mjs'), ANSWERER)
  // Not `exec`: the real az (a bash script) keeps running while Python answers.
  writeFileSync(join(dir, 'az'), `#!/bin/sh\n'${process.execPath}' '${join(dir, 'answer.mjs')}' "$@"\n`)
  chmodSync(join(dir, 'az'), 0o755)
  const fake: FakeAz = {
    dir,
    path: `${dir}:${process.env.PATH ?? '/usr/bin:/bin'}`,
    answer: (...answers) => {
      writeFileSync(join(dir, 'answers.json'), JSON.stringify(answers))
      rmSync(join(dir, 'count'), { force: true })
    },
    calls: () => {
      const file = join(dir, 'calls.jsonl')
      if (!existsSync(file)) return []
      return readFileSync(file, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as FakeAzCall)
    },
    remove: () => rmSync(dir, { recursive: true, force: true })
  }
  return fake
}

/** Whether a process still runs: a signal 0 finds it, and (Linux) it is no zombie waiting to be reaped. */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
  } catch {
    return false
  }
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'))
  } catch {
    return true // not Linux: the signal found it
  }
}

/** Resolves once the process no longer runs (a killed process is reaped a moment later). */
export async function gone(pid: number): Promise<boolean> {
  for (let i = 0; i < 500 && isRunning(pid); i++) await new Promise((resolve) => setTimeout(resolve, 10))
  return !isRunning(pid)
}
