import { beforeEach, describe, expect, it, jest } from '@jest/globals'
import { createCoreMock } from '../helpers/core-mock.js'

const core = createCoreMock()
jest.unstable_mockModule('@actions/core', () => core.module)
const { readAuthConfig } = await import('../../src/auth/auth-config.js')

const CLIENT = '11111111-2222-3333-4444-555555555555'
const TENANT = '99999999-8888-7777-6666-555555555555'

describe('readAuthConfig', () => {
  beforeEach(() => {
    core.reset()
    core.inputs = {}
  })

  it('uses a token as is', () => {
    core.inputs = { token: 't0k3n' }
    expect(readAuthConfig()).toEqual({ kind: 'token', token: 't0k3n' })
  })

  it('signs in with a client secret when one is given', () => {
    core.inputs = { 'client-id': CLIENT, 'tenant-id': TENANT, 'client-secret': 'shh' }
    expect(readAuthConfig()).toEqual({
      kind: 'client-secret',
      clientId: CLIENT,
      tenantId: TENANT,
      clientSecret: 'shh',
      authorityHost: new URL('https://login.microsoftonline.com')
    })
    expect(core.secrets).toEqual(['shh'])
  })

  it('signs in through GitHub OIDC without a secret, with the default audience', () => {
    core.inputs = { 'client-id': CLIENT, 'tenant-id': 'contoso.onmicrosoft.com', 'authority-host': 'https://login.microsoftonline.us/' }
    expect(readAuthConfig()).toEqual({
      kind: 'github-oidc',
      clientId: CLIENT,
      tenantId: 'contoso.onmicrosoft.com',
      audience: 'api://AzureADTokenExchange',
      authorityHost: new URL('https://login.microsoftonline.us')
    })
  })

  it('with neither token nor client-id, leaves sign-in to the Azure CLI session (azure/login), asked only at sign-in', () => {
    // The action.yml defaults come as inputs too: they ask for no app registration.
    core.inputs = { audience: 'api://AzureADTokenExchange', 'authority-host': 'https://login.microsoftonline.com' }
    expect(readAuthConfig()).toEqual({ kind: 'azure-cli' })
  })

  it.each([
    [{ token: 't', 'client-id': CLIENT }, "Input 'token' cannot be combined with 'client-id'"],
    [{ token: 't', 'client-secret': 's' }, "Input 'token' cannot be combined with 'client-secret'"],
    // Read before the api input: it names no API's resource (it used to name the CPP API's for both).
    [
      { token: 't', 'client-id': CLIENT },
      "or 'token', a Microsoft Entra ID access token for https://cloudpartner.azure.com or https://graph.microsoft.com (its audience chooses the API)."
    ],
    [{ 'tenant-id': TENANT }, "Input 'client-id' is required with 'tenant-id'"],
    [{ 'client-secret': 's' }, "Input 'client-id' is required with 'client-secret'"],
    [{ 'client-id': 'my-app' }, "Input 'client-id' must be the application (client) ID of the app registration, a GUID"],
    [{ 'client-id': CLIENT }, "Input 'tenant-id' is required with 'client-id'"],
    [{ 'client-id': CLIENT, 'tenant-id': 'not a tenant' }, "Input 'tenant-id' must be the directory (tenant) ID"],
    [
      { 'client-id': CLIENT, 'tenant-id': TENANT, 'authority-host': 'http://login.microsoftonline.com' },
      "Input 'authority-host' must be an https origin"
    ],
    [
      { 'client-id': CLIENT, 'tenant-id': TENANT, 'authority-host': 'https://login.microsoftonline.com/tenant' },
      "Input 'authority-host' must be an https origin"
    ]
  ])('refuses %j', (inputs, message) => {
    core.inputs = inputs as Record<string, string>
    expect(() => readAuthConfig()).toThrow(message)
  })

  it('masks both secrets before it refuses them', () => {
    core.inputs = { token: 'tok', 'client-secret': 'sec' }
    expect(() => readAuthConfig()).toThrow()
    expect(core.secrets.sort()).toEqual(['sec', 'tok'])
  })
})
