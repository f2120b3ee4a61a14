// @actions/http-client imports undici only to build a fetch dispatcher for proxies
// (getAgentDispatcher), which this action never calls: its own requests go through node:http and
// `tunnel`, proxies included. Standing in for undici keeps ~900 KB out of dist/index.js, which
// shortens start-up and lowers memory. Anything that does reach this fails loudly.
export class ProxyAgent {
  constructor() {
    throw new Error('undici is not bundled with this action: HttpClient.getAgentDispatcher() is not available')
  }
}
