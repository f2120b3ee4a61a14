// One run of `az account get-access-token` for a resource, in the Azure CLI session an earlier
// azure/login step left: no shell (on Windows only cmd.exe, which az.cmd needs), an argument array, a
// minimal environment, capped output, a bounded time, and killed (with the interpreter it starts) on
// timeout, cancellation or the step's deadline.
// Its failures are put in words here. Azure's own AzureCliCredential (@azure/identity) runs the same
// command; the answer's shape is in __tests__/fixtures/azure-cli-docs.ts.
import { execFile, spawn, type ChildProcess } from 'node:child_process'
import { THREE_WAYS } from './auth-config.js'
import { ActionError } from '../errors.js'
import { SignInUnavailableError } from './github-oidc.js'
import { parseAzureCliToken, type AzureCliToken } from './azure-cli-answer.js'
import { serviceText } from '../report/safe-text.js'
import { formatDuration } from '../wait/duration.js'

/** Far more than an answer holds (a token of a few KB): a flood costs a failed sign-in, not memory. */
export const MAX_OUTPUT = 256 * 1024

export interface AzureCliRun {
  /** How long one run may take (the request-timeout input). */
  timeoutMs: number
  /** Aborts at a cancellation or the step's deadline: the run is killed and the signal's reason thrown. */
  signal?: AbortSignal | undefined
  /** Where PATH and the CLI's own settings are read from (default process.env). */
  env?: NodeJS.ProcessEnv | undefined
  platform?: NodeJS.Platform | undefined
}

// Only these reach `az`: what finding and running it needs (PATH, home, temp, locale, Windows' own),
// its configuration (AZURE_*: AZURE_CONFIG_DIR, AZURE_CORE_*, ...), proxies and CA bundles, and the
// managed identity endpoints. Never the step's inputs (INPUT_TOKEN, INPUT_CLIENT-SECRET) or the
// runner's tokens.
const PASSED =
  /^(PATH|PATHEXT|HOME|USER|LOGNAME|LANG|LANGUAGE|LC_[A-Z]+|TZ|TMPDIR|TEMP|TMP|SYSTEMROOT|SYSTEMDRIVE|WINDIR|COMSPEC|USERPROFILE|USERNAME|APPDATA|LOCALAPPDATA|PROGRAMDATA|PROGRAMFILES|PROGRAMFILES\(X86\)|PROGRAMW6432|COMMONPROGRAMFILES|HOMEDRIVE|HOMEPATH|PROCESSOR_ARCHITECTURE|NUMBER_OF_PROCESSORS|HTTPS?_PROXY|NO_PROXY|ALL_PROXY|REQUESTS_CA_BUNDLE|SSL_CERT_FILE|SSL_CERT_DIR|CURL_CA_BUNDLE|AZURE_[A-Z0-9_]+|MSI_ENDPOINT|MSI_SECRET|IDENTITY_ENDPOINT|IDENTITY_HEADER|IMDS_ENDPOINT)$/i
/** AZURE_* names of credentials the CLI does not read from the environment: not handed on. */
const WITHHELD = /SECRET|PASSWORD|TOKEN|KEY/i

export function azureCliEnvironment(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const passed: NodeJS.ProcessEnv = {}
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined || !PASSED.test(name)) continue
    if (/^AZURE_/i.test(name) && WITHHELD.test(name)) continue
    passed[name] = value
  }
  return passed
}

// A resource goes into a cmd.exe command line on Windows: only URL characters cmd gives no meaning.
const SAFE_RESOURCE = /^https:\/\/[A-Za-z0-9.-]+(:\d+)?(\/[A-Za-z0-9._~/-]*)?$/

export interface AzureCliCommand {
  file: string
  args: string[]
  /** Windows: cmd.exe takes its command line as it is (Node would quote it again). */
  windowsVerbatimArguments: boolean
  cwd: string
}

/**
 * The command for a resource. On Windows `az` is `az.cmd`, a batch file, which Node runs only through
 * cmd.exe: the command line is built from fixed words and a checked resource, never user text.
 */
export function azureCliCommand(resource: string, platform: NodeJS.Platform, env: NodeJS.ProcessEnv): AzureCliCommand {
  if (!SAFE_RESOURCE.test(resource)) throw new Error(`Not a resource to hand the Azure CLI: ${resource}`)
  const args = ['account', 'get-access-token', '--output', 'json', '--resource', resource]
  if (platform === 'win32') {
    // cmd.exe looks for a command in its working directory first: there it is Windows' own folder.
    const systemRoot = env.SystemRoot ?? env.SYSTEMROOT ?? 'C:\\Windows'
    return {
      file: env.ComSpec ?? env.COMSPEC ?? `${systemRoot}\\System32\\cmd.exe`,
      args: ['/d', '/s', '/c', `"az.cmd ${args.join(' ')}"`],
      windowsVerbatimArguments: true,
      cwd: systemRoot
    }
  }
  // The root as working directory: a relative PATH entry cannot find an `az` in the checked-out repository.
  return { file: 'az', args, windowsVerbatimArguments: false, cwd: '/' }
}

/**
 * Ends the run and whatever it started: `az` is a script that starts Python (on Linux without exec),
 * and killing the script alone would leave Python holding the pipes. Called only before the run closed.
 */
function kill(child: ChildProcess, platform: NodeJS.Platform): void {
  if (child.pid !== undefined) {
    try {
      if (platform === 'win32') {
        execFile('taskkill', ['/pid', String(child.pid), '/T', '/F'], { windowsHide: true }, () => undefined)
      } else {
        process.kill(-child.pid, 'SIGKILL') // its process group (it was started detached, as the group's leader)
      }
    } catch {
      child.kill('SIGKILL') // the group is gone already
    }
  }
  // Whatever still holds the pipes cannot keep the step waiting.
  child.stdout?.destroy()
  child.stderr?.destroy()
}

const NOT_FOUND_ON_WINDOWS = /is not recognized as an internal or external command/i
// The CLI's message when nobody signed in: "ERROR: Please run 'az login' to setup account." A hint
// to run `az login --scope ...` (consent for a user) is another failure, quoted as it is.
const NOT_SIGNED_IN = /az login(?! --scope)/
// The network failures the CLI reports (requests, urllib3): worth a later try.
const NETWORK = /Max retries exceeded|ConnectionError|Connection aborted|Connection reset|timed out|Temporary failure in name resolution/i

/** The lines of stderr that say what failed: its ERROR lines, or else all of it, made safe to quote. */
function said(stderr: string): string {
  const errors = stderr.split(/\r?\n/).filter((line) => /^\s*ERROR:/.test(line))
  return serviceText((errors.length > 0 ? errors : [stderr]).join(' '), 500)
}

const commandLine = (resource: string): string => `az account get-access-token --resource ${resource}`

/** `code`: the exit code, the spawn error's code (ENOENT), or 'killed' (ended by a signal). */
function failure(resource: string, code: number | string | undefined, stderr: string, spawnError?: string): ActionError {
  const command = commandLine(resource)
  if (code === 'ENOENT' || code === 9009 || NOT_FOUND_ON_WINDOWS.test(stderr)) {
    return new ActionError(
      `Neither 'token' nor 'client-id' is given, and there is no Azure CLI session to sign in with: the Azure CLI (az) is not installed (not found on PATH). ${THREE_WAYS}`
    )
  }
  if (spawnError !== undefined) {
    // Found but not run: not executable (EACCES), say.
    return new ActionError(`The Azure CLI could not be run for ${command}: ${serviceText(spawnError, 300)}.`)
  }
  const text = said(stderr)
  if (NOT_SIGNED_IN.test(stderr)) {
    return new ActionError(
      `Neither 'token' nor 'client-id' is given, and the Azure CLI is not signed in (${command} said: ${text}). ${THREE_WAYS}`
    )
  }
  const head = `Getting a token for ${resource} from the Azure CLI session (azure/login) failed (${code === 'killed' ? 'it was killed' : `exit code ${code}`})`
  if (/AADSTS700024/.test(stderr)) {
    return new ActionError(
      `${head}: AADSTS700024, the GitHub OIDC token azure/login signed in with has expired (GitHub's tokens live minutes) and the Azure CLI cannot get another. Run azure/login right before this step, or pass this action 'client-id' and 'tenant-id' instead: it asks GitHub for a fresh OIDC token at every sign-in. The CLI said: ${text}`
    )
  }
  if (NETWORK.test(stderr)) return new SignInUnavailableError(`${head}: ${text}`)
  return new ActionError(`${head}: ${text || 'it wrote no error'}`)
}

/** A token for `resource` from the Azure CLI session, masked as soon as it is read; a failure in words. */
export function azureCliToken(resource: string, run: AzureCliRun): Promise<AzureCliToken> {
  const platform = run.platform ?? process.platform
  const env = run.env ?? process.env
  const { signal } = run
  if (signal?.aborted) return Promise.reject(signal.reason as Error)
  const command = azureCliCommand(resource, platform, env)
  return new Promise<AzureCliToken>((resolve, reject) => {
    let ended = false
    const end = (settle: () => void): void => {
      if (ended) return
      ended = true
      clearTimeout(timer)
      signal?.removeEventListener('abort', onAbort)
      settle()
    }
    // spawn without a shell rather than execFile: execFile cannot start the process group a kill needs.
    const child = spawn(command.file, command.args, {
      env: azureCliEnvironment(env),
      cwd: command.cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
      windowsHide: true,
      windowsVerbatimArguments: command.windowsVerbatimArguments,
      // Its own process group, so a kill reaches the Python it starts (POSIX).
      detached: platform !== 'win32'
    })
    const output = { stdout: '', stderr: '' }
    for (const name of ['stdout', 'stderr'] as const) {
      child[name].setEncoding('utf8').on('data', (chunk: string) => {
        output[name] += chunk
        if (output[name].length <= MAX_OUTPUT) return
        kill(child, platform)
        end(() =>
          reject(
            new ActionError(
              `The Azure CLI wrote more than ${MAX_OUTPUT / 1024} KiB to ${name} for ${commandLine(resource)}: it was stopped, and not read.`
            )
          )
        )
      })
    }
    child.on('error', (error: NodeJS.ErrnoException) => end(() => reject(failure(resource, error.code, output.stderr, error.message))))
    child.on('close', (code) =>
      end(() => {
        if (code !== 0) return reject(failure(resource, code ?? 'killed', output.stderr))
        try {
          resolve(parseAzureCliToken(output.stdout, resource))
        } catch (parseError) {
          reject(parseError as Error)
        }
      })
    )
    const timer = setTimeout(() => {
      kill(child, platform)
      end(() =>
        reject(
          new SignInUnavailableError(
            `The Azure CLI gave no answer to ${commandLine(resource)} within ${formatDuration(run.timeoutMs)} (request-timeout), so it was stopped`
          )
        )
      )
    }, run.timeoutMs)
    const onAbort = (): void => {
      kill(child, platform)
      end(() => reject(signal?.reason as Error))
    }
    signal?.addEventListener('abort', onAbort, { once: true })
  })
}
