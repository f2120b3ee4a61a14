// What a local trial of the action needs to reach `npm run emulator`: the inputs and variables for
// .env (local-action) or the environment of `node dist/index.js`, one set per way to sign in, and
// the commands that run the action with them. emulator/cli.ts prints them; .env.example holds the
// same for the default ports.
import { DEFAULT_TOKEN } from './cpp-emulator.ts'
import { GITHUB_ISSUER, TEST_CA_FILE, type IdentityEmulatorOptions } from './identity-emulator.ts'

/** The local-action release the README and .env.example name (7.x); its `run` exits 0 whatever the action did. */
export const LOCAL_ACTION = '@github/local-action@7.0.1'

// made-up: the ids of an app registration in a tenant that exists only in the identity emulator.
const CLIENT_ID = '0a0e1a7e-5eed-4c0d-9e57-000000000001'
const TENANT_ID = '0a0e1a7e-5eed-4c0d-9e57-00000000a11d'
const CLIENT_SECRET = 'emulator-client-secret'
/** The `sub` of the GitHub OIDC tokens the identity emulator issues: a workflow on main. */
const SUBJECT = 'repo:contoso/offers:ref:refs/heads/main'

/** The app the identity emulator knows in a trial: a client secret and GitHub's federated credential. */
export function trialIdentity(onToken: (token: string) => void, port: number): IdentityEmulatorOptions {
  return {
    apps: [
      {
        tenantId: TENANT_ID,
        clientId: CLIENT_ID,
        secrets: [CLIENT_SECRET],
        // The action's default `audience` input.
        federated: [{ issuer: GITHUB_ISSUER, subject: SUBJECT, audience: 'api://AzureADTokenExchange' }]
      }
    ],
    onToken,
    githubSubject: SUBJECT,
    port
  }
}

type Variables = Record<string, string>

interface SignIn {
  /** A comment line: which way this is, and what it replaces. */
  title: string
  variables: Variables
}

export interface TrialEnvironment {
  inputs: Variables
  signIns: SignIn[]
  /** The CA file the action must trust (identity emulator's https), if any. */
  caFile?: string
}

/** The inputs for the emulator at `baseUrl`, and the sign-ins it can take (with `identity`, three). */
export function trialEnvironment(
  api: 'cloud-partner-portal' | 'product-ingestion',
  baseUrl: string,
  identity?: { authorityHost: string; githubOidcEnv: Variables }
): TrialEnvironment {
  const inputs: Variables = { INPUT_API: api, 'INPUT_BASE-URL': baseUrl }
  if (api === 'cloud-partner-portal') inputs.INPUT_PUBLISHER = 'contoso'
  inputs.INPUT_OFFER = 'contoso-vm'
  const signIns: SignIn[] = [{ title: 'Sign in with a token:', variables: { INPUT_TOKEN: DEFAULT_TOKEN } }]
  if (!identity) return { inputs, signIns }
  const app = { 'INPUT_CLIENT-ID': CLIENT_ID, 'INPUT_TENANT-ID': TENANT_ID, 'INPUT_AUTHORITY-HOST': identity.authorityHost }
  const { ACTIONS_ID_TOKEN_REQUEST_URL, ACTIONS_ID_TOKEN_REQUEST_TOKEN } = identity.githubOidcEnv as Record<string, string>
  signIns.push(
    { title: 'or with a client secret (no INPUT_TOKEN):', variables: { ...app, 'INPUT_CLIENT-SECRET': CLIENT_SECRET } },
    {
      title: "or with GitHub OIDC (no INPUT_TOKEN, no INPUT_CLIENT-SECRET; the runner's two variables):",
      variables: { ...app, ACTIONS_ID_TOKEN_REQUEST_URL, ACTIONS_ID_TOKEN_REQUEST_TOKEN }
    }
  )
  return { inputs, signIns, caFile: TEST_CA_FILE }
}

const lines = (variables: Variables): string[] => Object.entries(variables).map(([name, value]) => `${name}=${value}`)

/** The text `npm run emulator` prints: .env lines (valid dotenv), then the commands to run the action. */
export function trialInstructions(env: TrialEnvironment): string {
  // Node reads NODE_EXTRA_CA_CERTS once, at start-up: from .env (loaded later) it would do nothing.
  const ca = env.caFile ? `NODE_EXTRA_CA_CERTS=${env.caFile} ` : ''
  return [
    'In .env (cp .env.example .env), or the environment of node dist/index.js:',
    '',
    ...lines(env.inputs),
    '# or several offers, any names: INPUT_OFFER=vm-a, vm-b, vm-c',
    ...env.signIns.flatMap((signIn) => ['', `# ${signIn.title}`, ...lines(signIn.variables)]),
    '',
    'Then, from the repository root:',
    `  ${ca}npx --yes ${LOCAL_ACTION} . src/main.ts .env`,
    '  (--yes: it runs `npm exec tsx`, which would otherwise ask; it exits 0 even when the action fails: read the log)',
    "or the bundle, as the runner starts it (its exit code is the action's; GITHUB_STEP_SUMMARY must exist):",
    `  touch local-summary.md && ${ca}node_modules/.bin/node --env-file=.env dist/index.js`
  ].join('\n')
}
