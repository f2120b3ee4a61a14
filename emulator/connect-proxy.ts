// An HTTP CONNECT proxy on loopback for the proxy test: it tunnels names that are not loopback
// (@actions/http-client never proxies loopback hosts) to emulators on this machine, and records them.
import { createServer, type Server } from 'node:http'
import { connect, type Socket } from 'node:net'

export interface ConnectProxy {
  url: string
  /** Every CONNECT target, as `host:port`. */
  tunnels: string[]
  close(): Promise<void>
}

/** `routes` maps `host:port` as the client asks for it to a port on 127.0.0.1. */
export async function startConnectProxy(routes: Record<string, number>): Promise<ConnectProxy> {
  const tunnels: string[] = []
  const sockets = new Set<Socket>()
  const server: Server = createServer((_req, res) => {
    res.writeHead(405, { 'content-type': 'text/plain' })
    res.end('This proxy only tunnels (CONNECT).')
  })
  server.on('connect', (req, client: Socket, head: Buffer) => {
    const target = req.url ?? ''
    tunnels.push(target)
    sockets.add(client)
    const port = routes[target]
    if (port === undefined) {
      client.end('HTTP/1.1 502 Bad Gateway\r\n\r\n')
      return
    }
    const upstream = connect(port, '127.0.0.1', () => {
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
    upstream.on('error', end).on('close', end)
    client.on('error', end).on('close', end)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  return {
    url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`,
    tunnels,
    close() {
      for (const socket of sockets) socket.destroy()
      return new Promise((resolve) => server.close(() => resolve()))
    }
  }
}
