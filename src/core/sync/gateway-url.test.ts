import { describe, expect, it } from 'vitest'
import { gatewayUrlProblem } from './gateway-url'

describe('gateway addresses', () => {
  it('takes https anywhere and http on this machine only', () => {
    for (const ok of [
      'https://cong.dancu.gov.vn',
      'https://cong.dancu.gov.vn/relay/',
      'https://10.0.0.5:8443',
      'http://127.0.0.1:4790',
      'http://127.1.2.3',
      'http://localhost:4790',
      'http://LOCALHOST:4790',
      'http://[::1]:4790',
      'http://0x7f.1:4790', // 127.0.0.1 in another notation: the same address
      'http://2130706433/',
      'http://127.0.0.1./' // a trailing dot is part of IPv4 notation: still 127.0.0.1
    ])
      expect(gatewayUrlProblem(ok), ok).toBeNull()
  })

  it('refuses plain http to any other host, however it is spelled', () => {
    for (const bad of [
      'http://cong.dancu.gov.vn',
      'http://10.0.0.5:4790',
      'http://127.0.0.1.evil.example', // a name that starts like an address
      'http://localhost.evil.example',
      'http://evillocalhost',
      'http://[::ffff:127.0.0.1]', // IPv4-mapped: left out on purpose
      'http://[::2]',
      'http://128.0.0.1',
      'http://0.0.0.0:4790',
      'http://[::]:4790'
    ])
      expect(gatewayUrlProblem(bad), bad).toBe('insecure')
  })

  it('refuses userinfo (the host is what follows @), queries, other schemes and non-URLs', () => {
    expect(gatewayUrlProblem('http://127.0.0.1@evil.example')).toBe('credentials')
    expect(gatewayUrlProblem('http://127.0.0.1:4790@evil.example')).toBe('credentials')
    expect(gatewayUrlProblem('https://user:pass@cong.dancu.gov.vn')).toBe('credentials')
    expect(gatewayUrlProblem('https://cong.dancu.gov.vn/?x=1')).toBe('query')
    expect(gatewayUrlProblem('https://cong.dancu.gov.vn/#x')).toBe('query')
    expect(gatewayUrlProblem('ftp://127.0.0.1')).toBe('scheme')
    expect(gatewayUrlProblem('file:///etc/passwd')).toBe('scheme')
    expect(gatewayUrlProblem('javascript:alert(1)')).toBe('scheme')
    expect(gatewayUrlProblem('127.0.0.1:4790')).toBe('not_a_url')
    expect(gatewayUrlProblem('not a url')).toBe('not_a_url')
  })
})
