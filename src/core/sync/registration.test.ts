// The registration an operator hands over, read from a file or a paste, and the keys file back.
import { describe, expect, it } from 'vitest'
import { parseRegistration, SUPERVISOR_KEYS_KIND, supervisorKeysText } from './registration'

describe('parseRegistration', () => {
  it("reads the gateway's own answer, with text around it and a byte-order mark", () => {
    const answer = '{"id":"ws_abc","secret":"s3cr3t","commune":"24991"}'
    expect(parseRegistration(`\uFEFFKính gửi xã,\n${answer}\nTrân trọng.`)).toEqual({
      url: null,
      workstationId: 'ws_abc',
      secret: 's3cr3t',
      commune: '24991',
      name: null
    })
  })

  it('takes workstationId for id, and the address and name when the operator wrote them', () => {
    const text = JSON.stringify({
      url: 'https://cong.example.vn',
      workstationId: ' ws_x ',
      secret: 'k',
      commune: '00001',
      name: 'UBND xã A'
    })
    expect(parseRegistration(text)).toMatchObject({
      url: 'https://cong.example.vn',
      workstationId: 'ws_x',
      name: 'UBND xã A'
    })
  })

  it('refuses what is not a registration', () => {
    for (const bad of [
      '',
      'ws_abc s3cr3t 24991',
      '{"id":"ws_abc","secret":"s3cr3t"}',
      '{"id":"ws_abc","secret":"","commune":"1"}',
      '{"id":1,"secret":"s","commune":"1"}',
      '{"id":"a","secret":"s","commune":"12345678901234567"}',
      '{ not json }'
    ])
      expect(parseRegistration(bad), bad).toBeNull()
  })
})

describe('supervisorKeysText', () => {
  it('is JSON naming its kind, the commune and each key', () => {
    const keys = [{ username: 'gs', displayName: 'Giám sát', publicKey: 'AAA', fingerprint: 'ff' }]
    expect(JSON.parse(supervisorKeysText('24991', keys))).toEqual({
      kind: SUPERVISOR_KEYS_KIND,
      commune: '24991',
      supervisors: keys
    })
  })
})
