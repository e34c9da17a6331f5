// Which gateway addresses a workstation may send its credentials and corrections to: https to
// any host, plain http only to this machine (a gateway or relay on loopback).

/** Why an address is refused; null when it may be used. */
export type GatewayUrlProblem = 'not_a_url' | 'scheme' | 'insecure' | 'credentials' | 'query'

/**
 * Decided on the URL as the WHATWG parser reads it (as fetch will), never on the text: the host
 * is then canonical (IPv4 in any notation, 0x7f.1 or 2130706433, is dotted decimal; IPv6 is
 * compressed in brackets; names are lower case), and userinfo is split from the host, so
 * http://127.0.0.1@evil.example is evil.example and http://127.0.0.1.evil.example is a name.
 */
export function gatewayUrlProblem(text: string): GatewayUrlProblem | null {
  let u: URL
  try {
    u = new URL(text)
  } catch {
    return 'not_a_url'
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return 'scheme'
  // Userinfo would be sent to whoever the host is, and logged with the address.
  if (u.username !== '' || u.password !== '') return 'credentials'
  // Request paths are appended to the address: a query or fragment would swallow them.
  if (u.search !== '' || u.hash !== '') return 'query'
  if (u.protocol === 'https:') return null
  return isLoopbackHost(u.hostname) ? null : 'insecure'
}

/**
 * 127.0.0.0/8, ::1 and localhost, as canonical URL hosts. IPv4-mapped IPv6 ([::ffff:7f00:1])
 * and a trailing-dot "localhost." are left out on purpose: nobody needs them to reach a local
 * gateway, and every other spelling is one more thing to get wrong.
 */
export function isLoopbackHost(hostname: string): boolean {
  if (hostname === 'localhost' || hostname === '[::1]') return true
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(hostname)
  return m !== null && m[1] === '127'
}
