// An HTTP CONNECT proxy on loopback for the proxy test: it tunnels names that are not loopback
// (@actions/http-client never proxies loopback hosts) to emulators on this machine, and records them.
import { createServer, type Server } from 'node:http'
import { connect, createServer as createNetServer, type Socket } from 'node:net'

export interface ConnectProxy {
  url: string
  /** Every CONNECT target, as `host:port`. */
  tunnels: string[]
  /**
   * The tunnel with this number (1 for the first CONNECT) meets a refused connection: the proxy
   * answers 502, as one does when the service's host refuses it. Nothing reaches the emulator.
   */
  refuse(tunnel: number): void
  close(): Promise<void>
}

/** `routes` maps `host:port` as the client asks for it to a port on 127.0.0.1. */
export async function startConnectProxy(routes: Record<string, number>): Promise<ConnectProxy> {
  const tunnels: string[] = []
  const refused = new Set<number>()
  const sockets = new Set<Socket>()
  const server: Server = createServer((_req, res) => {
    res.writeHead(405, { 'content-type': 'text/plain' })
    res.end('This proxy only tunnels (CONNECT).')
  })
  server.on('connect', (req, client: Socket, head: Buffer) => {
    const target = req.url ?? ''
    tunnels.push(target)
    sockets.add(client)
    const port = refused.has(tunnels.length) ? closedPort : routes[target]
    if (port === undefined) {
      client.end('HTTP/1.1 502 Bad Gateway\r\n\r\n')
      return
    }
    let established = false
    const upstream = connect(port, '127.0.0.1', () => {
      established = true
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n')
      upstream.write(head)
      upstream.pipe(client)
      client.pipe(upstream)
    })
    sockets.add(upstream)
    const end = (): void => {
      upstream.destroy()
      client.destroy()
    }
    // A refused upstream is answered 502, as proxies do; a broken tunnel is closed.
    upstream.on('error', () => (established ? end() : client.end('HTTP/1.1 502 Bad Gateway\r\n\r\n')))
    upstream.on('close', () => established && end())
    client.on('error', end).on('close', end)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const closedPort = await portWithoutListener()
  const address = server.address()
  return {
    url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`,
    tunnels,
    refuse: (tunnel) => void refused.add(tunnel),
    close() {
      for (const socket of sockets) socket.destroy()
      return new Promise((resolve) => server.close(() => resolve()))
    }
  }
}

/** A loopback port that refuses connections: one the system handed out and that was closed again. */
async function portWithoutListener(): Promise<number> {
  const probe = createNetServer()
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
  const address = probe.address()
  await new Promise((resolve) => probe.close(resolve))
  return typeof address === 'object' && address ? address.port : 1
}
