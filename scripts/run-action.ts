// Runs the committed bundle the way the GitHub runner does: a child process under Node 24, inputs
// as INPUT_* variables with action.yml's defaults applied, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY
// files, and a clean environment.
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
/** The committed bundle; `BUNDLE` in the environment names another (an older commit's, to see a test fail on it). */
export const BUNDLE = process.env.BUNDLE ?? join(ROOT, 'dist', 'index.js')
/** The Node 24 binary of the `node` dev dependency: the runtime `runs.using: node24` names. */
export const NODE24 = join(ROOT, 'node_modules', 'node', 'bin', 'node')

export interface RunOptions {
  inputs: Record<string, string>
  env?: Record<string, string>
  /** Step debug logging (ACTIONS_STEP_DEBUG / RUNNER_DEBUG). */
  debug?: boolean
  /** Extra node flags (the benchmark's --trace-gc); the runner passes none. */
  nodeArgs?: string[]
}

/**
 * The log as written while the step ran: without the groups that tell each offer's story again at
 * the end of a step of several offers (so a line counted here is counted once).
 */
export const logAsWritten = (run: Pick<RunResult, 'stdout'>): string => run.stdout.split('\n::group::')[0] ?? ''

export interface RunResult {
  exitCode: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
  outputs: Record<string, string>
  /** The GITHUB_OUTPUT file as the step left it. */
  outputFile: string
  summary: string
  durationMs: number
  /** The child's peak resident memory (VmHWM from /proc, Linux), in MiB; 0 where not readable. */
  peakRssMb: number
}

export interface RunningAction {
  child: ChildProcess
  /** Resolves once stdout contains `text`. */
  waitForOutput(text: string): Promise<void>
  result: Promise<RunResult>
}

export function actionDefaults(): Record<string, string> {
  const metadata = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as { inputs: Record<string, { default?: string }> }
  const defaults: Record<string, string> = {}
  for (const [name, input] of Object.entries(metadata.inputs)) {
    if (input.default !== undefined) defaults[name] = String(input.default)
  }
  return defaults
}

/** The runner's encoding: INPUT_ + the name in upper case with spaces as underscores. */
export function inputVariable(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`
}

/** Parses GITHUB_OUTPUT as the runner does: `name=value` lines and `name<<DELIM` blocks; last wins. */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line)
    if (heredoc) {
      const [, name, delimiter] = heredoc as unknown as [string, string, string]
      const value: string[] = []
      while (++i < lines.length && lines[i] !== delimiter) value.push(lines[i] as string)
      outputs[name] = value.join('\n')
    } else if (line.includes('=')) {
      const at = line.indexOf('=')
      outputs[line.slice(0, at)] = line.slice(at + 1)
    }
  }
  return outputs
}

export function startAction(options: RunOptions): RunningAction {
  const dir = mkdtempSync(join(tmpdir(), 'go-live-run-'))
  const outputFile = join(dir, 'output')
  const summaryFile = join(dir, 'summary')
  writeFileSync(outputFile, '')
  writeFileSync(summaryFile, '')
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: dir,
    GITHUB_ACTIONS: 'true',
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    RUNNER_TEMP: dir
  }
  for (const [name, value] of Object.entries({ ...actionDefaults(), ...options.inputs })) env[inputVariable(name)] = value
  if (options.debug) Object.assign(env, { RUNNER_DEBUG: '1', ACTIONS_STEP_DEBUG: 'true' })
  Object.assign(env, options.env ?? {})

  const started = performance.now()
  const child = spawn(NODE24, [...(options.nodeArgs ?? []), BUNDLE], { env, cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  const watchers: Array<{ text: string; resolve: () => void }> = []
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk
    for (const w of watchers.filter((w) => stdout.includes(w.text))) {
      watchers.splice(watchers.indexOf(w), 1)
      w.resolve()
    }
  })
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
  // VmHWM is the high-water mark itself, so sampling now and then loses no peak before the last sample.
  let peakRssMb = 0
  const sampleRss = (): void => {
    try {
      const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1]
      if (kb) peakRssMb = Math.max(peakRssMb, Number(kb) / 1024)
    } catch {
      // Gone already, or not Linux.
    }
  }
  const sampler = setInterval(sampleRss, 25)
  child.on('exit', sampleRss)
  const result = new Promise<RunResult>((resolve, reject) => {
    child.on('error', reject)
    child.on('close', (exitCode, signal) => {
      clearInterval(sampler)
      const durationMs = performance.now() - started
      const outputText = readFileSync(outputFile, 'utf8')
      const outputs = parseOutputFile(outputText)
      const summary = readFileSync(summaryFile, 'utf8')
      rmSync(dir, { recursive: true, force: true })
      resolve({ exitCode, signal, stdout, stderr, outputs, outputFile: outputText, summary, durationMs, peakRssMb })
    })
  })
  return {
    child,
    result,
    waitForOutput: (text) => (stdout.includes(text) ? Promise.resolve() : new Promise((resolve) => watchers.push({ text, resolve })))
  }
}

export function runAction(options: RunOptions): Promise<RunResult> {
  return startAction(options).result
}
