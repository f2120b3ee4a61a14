// Microsoft Entra ID and GitHub's OIDC token service, as far as the action uses them, on one https
// server on loopback (MSAL speaks https only). Certificates: emulator/tls, trusted by the processes
// under test through NODE_EXTRA_CA_CERTS.
import { randomUUID } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:https'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const TLS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'tls')
/** The CA to trust (NODE_EXTRA_CA_CERTS) for the emulator's certificate. */
export const TEST_CA_FILE = join(TLS_DIR, 'ca.crt')
export const GITHUB_ISSUER = 'https://token.actions.githubusercontent.com'
const CPP_SCOPE = 'https://cloudpartner.azure.com/.default'
const GRAPH_SCOPE = 'https://graph.microsoft.com/.default'
/** The resources with a service principal in every emulated tenant: the CPP API and Microsoft Graph. */
const KNOWN_SCOPES = [CPP_SCOPE, GRAPH_SCOPE]
const JWT_BEARER = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer'

interface AppRegistration {
  tenantId: string
  clientId: string
  /** Accepted client secrets. */
  secrets?: string[]
  /** Federated credentials: a GitHub OIDC token must match one of them exactly. */
  federated?: Array<{ issuer: string; subject: string; audience: string }>
}

export interface IdentityEmulatorOptions {
  apps: AppRegistration[]
  /** Called with every access token issued, so the CPP emulator can accept it. */
  onToken?: (token: string) => void
  /** Lifetime of issued access tokens, in seconds. */
  expiresIn?: number
  /** The `sub` of GitHub OIDC tokens (a workflow on a branch, an environment, a tag). */
  githubSubject?: string
  /** The port to listen on; default 0, a free one. */
  port?: number
}

interface IssuedToken {
  token: string
  clientId: string
  via: 'client-secret' | 'github-oidc'
  assertion?: string
}

/** A fault on requests whose path ends with `path`, while `active()` says so (default: always). */
interface IdentityFault {
  path: '/github/idtoken' | '/oauth2/v2.0/token'
  kind: 'status' | 'hang'
  status?: number
  active?: () => boolean
}

export interface IdentityEmulator {
  /** The `authority-host` input. */
  authorityHost: string
  /** Environment for the action: what the runner sets when the job may request an OIDC token. */
  githubOidcEnv: Record<string, string>
  issued: IssuedToken[]
  /** GitHub OIDC tokens handed out, in order. */
  githubTokens: string[]
  /** Every request, with when it arrived (epoch ms). */
  requests: Array<{ method: string; path: string; body: string; userAgent: string; at: number }>
  /** Answers matching requests with an error status, or never, as an outage would. */
  injectFault(fault: IdentityFault): void
  close(): Promise<void>
}

const b64 = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url')
const claimsOf = (jwt: string): Record<string, unknown> => JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8'))

export function fakeJwt(claims: Record<string, unknown>): string {
  return `${b64({ alg: 'RS256', typ: 'JWT', kid: 'emulator' })}.${b64(claims)}.${Buffer.from('not-a-real-signature').toString('base64url')}`
}

function json(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body)
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) })
  res.end(text)
}

function aadError(res: ServerResponse, status: number, error: string, code: number, description: string): void {
  const timestamp = new Date()
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/, 'Z')
  json(res, status, {
    error,
    error_description: `AADSTS${code}: ${description} Trace ID: 00000000-0000-0000-0000-000000000000 Correlation ID: 00000000-0000-0000-0000-000000000000 Timestamp: ${timestamp}`,
    error_codes: [code],
    timestamp,
    trace_id: '00000000-0000-0000-0000-000000000000',
    correlation_id: '00000000-0000-0000-0000-000000000000'
  })
}

export async function startIdentityEmulator(options: IdentityEmulatorOptions): Promise<IdentityEmulator> {
  const issued: IssuedToken[] = []
  const githubTokens: string[] = []
  const requests: IdentityEmulator['requests'] = []
  const faults: IdentityFault[] = []
  const githubRequestToken = 'github-runtime-request-token'
  let counter = 0
  let listening = ''

  function token(res: ServerResponse, tenant: string, body: string): void {
    const form = new URLSearchParams(body)
    const app = options.apps.find((a) => a.clientId === form.get('client_id'))
    if (!options.apps.some((a) => a.tenantId === tenant)) {
      return aadError(
        res,
        400,
        'invalid_request',
        90002,
        `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.`
      )
    }
    if (!app || app.tenantId !== tenant) {
      return aadError(
        res,
        400,
        'unauthorized_client',
        700016,
        `Application with identifier '${form.get('client_id')}' was not found in the directory '${tenant}'. This can happen if the application has not been installed by the administrator of the tenant.`
      )
    }
    if (form.get('grant_type') !== 'client_credentials')
      return aadError(res, 400, 'unsupported_grant_type', 70003, 'The app requested an unsupported grant type.')
    if (!KNOWN_SCOPES.includes(form.get('scope') ?? '')) {
      return aadError(
        res,
        400,
        'invalid_resource',
        500011,
        `The resource principal named ${form.get('scope')} was not found in the tenant named ${tenant}.`
      )
    }
    let via: IssuedToken['via']
    let assertion: string | undefined
    if (form.has('client_secret')) {
      if (!app.secrets?.includes(form.get('client_secret') as string)) {
        return aadError(
          res,
          401,
          'invalid_client',
          7000215,
          `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${app.clientId}'.`
        )
      }
      via = 'client-secret'
    } else if (form.get('client_assertion_type') === JWT_BEARER && form.get('client_assertion')) {
      assertion = form.get('client_assertion') as string
      const claims = claimsOf(assertion)
      const match = app.federated?.some((f) => f.issuer === claims.iss && f.subject === claims.sub && f.audience === claims.aud)
      if (!match) {
        return aadError(
          res,
          400,
          'invalid_request',
          70021,
          `No matching federated identity record found for presented assertion. Assertion Issuer: '${String(claims.iss)}'. Assertion Subject: '${String(claims.sub)}'. Assertion Audience: '${String(claims.aud)}'.`
        )
      }
      if (typeof claims.exp === 'number' && claims.exp * 1_000 < Date.now()) {
        return aadError(res, 400, 'invalid_client', 700024, 'Client assertion is not within its valid time range.')
      }
      via = 'github-oidc'
    } else {
      return aadError(
        res,
        401,
        'invalid_client',
        7000218,
        "The request body must contain the following parameter: 'client_assertion' or 'client_secret'."
      )
    }
    // The token's audience is the resource of the scope asked for (CPP, or Microsoft Graph).
    const scope = new URLSearchParams(body).get('scope') ?? CPP_SCOPE
    const accessToken = fakeJwt({
      aud: scope.split(' ')[0]?.replace(/\/\.default$/, ''),
      appid: app.clientId,
      tid: tenant,
      n: ++counter,
      exp: Math.floor(Date.now() / 1_000) + (options.expiresIn ?? 3_600)
    })
    issued.push({ token: accessToken, clientId: app.clientId, via, ...(assertion ? { assertion } : {}) })
    options.onToken?.(accessToken)
    json(res, 200, {
      token_type: 'Bearer',
      expires_in: options.expiresIn ?? 3_600,
      ext_expires_in: options.expiresIn ?? 3_600,
      access_token: accessToken
    })
  }

  function githubIdToken(req: IncomingMessage, res: ServerResponse, url: URL): void {
    if (req.headers.authorization !== `Bearer ${githubRequestToken}`) return json(res, 401, { message: 'Bad credentials' })
    const now = Math.floor(Date.now() / 1_000)
    const value = fakeJwt({
      iss: GITHUB_ISSUER,
      sub: options.githubSubject ?? 'repo:contoso/offers:ref:refs/heads/main',
      aud: url.searchParams.get('audience') ?? 'https://github.com/contoso',
      repository: 'contoso/offers',
      ref: 'refs/heads/main',
      jti: randomUUID(),
      iat: now,
      nbf: now,
      exp: now + 300
    })
    githubTokens.push(value)
    json(res, 200, { count: 1, value })
  }

  const server: Server = createServer(
    { cert: readFileSync(join(TLS_DIR, 'localhost.crt')), key: readFileSync(join(TLS_DIR, 'localhost.key')) },
    (req, res) => {
      const chunks: Buffer[] = []
      req.on('data', (c: Buffer) => chunks.push(c))
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8')
        // Endpoints name the host the client called (127.0.0.1, or a name tunnelled by the proxy test).
        const origin = `https://${req.headers.host ?? new URL(listening).host}`
        const url = new URL(req.url ?? '/', origin)
        requests.push({ method: req.method ?? '', path: url.pathname, body, userAgent: req.headers['user-agent'] ?? '', at: Date.now() })
        const fault = faults.find((f) => url.pathname.endsWith(f.path) && (f.active?.() ?? true))
        if (fault?.kind === 'hang') return
        if (fault) return json(res, fault.status ?? 503, { error: 'temporarily_unavailable', error_description: 'The service is down.' })
        const tenantPath = /^\/([^/]+)\/(v2\.0\/\.well-known\/openid-configuration|oauth2\/v2\.0\/token)$/.exec(url.pathname)
        if (req.method === 'GET' && url.pathname === '/github/idtoken') return githubIdToken(req, res, url)
        if (req.method === 'GET' && url.pathname === '/common/discovery/instance') {
          const host = new URL(origin).host
          return json(res, 200, {
            tenant_discovery_endpoint: `${origin}/${url.searchParams.get('tenant') ?? 'common'}/v2.0/.well-known/openid-configuration`,
            'api-version': '1.1',
            metadata: [{ preferred_network: host, preferred_cache: host, aliases: [host] }]
          })
        }
        if (tenantPath?.[2] === 'v2.0/.well-known/openid-configuration' && req.method === 'GET') {
          const tenant = tenantPath[1] as string
          return json(res, 200, {
            token_endpoint: `${origin}/${tenant}/oauth2/v2.0/token`,
            authorization_endpoint: `${origin}/${tenant}/oauth2/v2.0/authorize`,
            end_session_endpoint: `${origin}/${tenant}/oauth2/v2.0/logout`,
            jwks_uri: `${origin}/${tenant}/discovery/v2.0/keys`,
            issuer: `${origin}/${tenant}/v2.0`,
            response_modes_supported: ['query', 'fragment', 'form_post'],
            token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic']
          })
        }
        if (tenantPath?.[2] === 'oauth2/v2.0/token' && req.method === 'POST') return token(res, tenantPath[1] as string, body)
        json(res, 404, { error: 'not_found', error_description: `${req.method} ${url.pathname} is not emulated` })
      })
    }
  )
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve))
  const address = server.address()
  listening = `https://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
  return {
    authorityHost: listening,
    githubOidcEnv: {
      ACTIONS_ID_TOKEN_REQUEST_URL: `${listening}/github/idtoken?api-version=2.0`,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: githubRequestToken,
      NODE_EXTRA_CA_CERTS: TEST_CA_FILE
    },
    issued,
    githubTokens,
    requests,
    injectFault(fault) {
      faults.push(fault)
    },
    close() {
      server.closeAllConnections()
      return new Promise((resolve) => server.close(() => resolve()))
    }
  }
}
