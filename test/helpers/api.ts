// Calling a backend in tests: the value of a call that must succeed, the error of one that must fail.
import type { Backend } from '../../src/backend/host'
import type { ApiInput, ApiName, ApiOutput } from '../../src/shared/api'
import type { ApiErrorShape } from '../../src/shared/errors'

export function apiHelpers(backend: () => Backend) {
  return {
    call: async <N extends ApiName>(name: N, args: ApiInput<N>): Promise<ApiOutput<N>> => {
      const r = await backend().call(name, args)
      if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`)
      return r.value as ApiOutput<N>
    },
    fail: async <N extends ApiName>(name: N, args: ApiInput<N>): Promise<ApiErrorShape> => {
      const r = await backend().call(name, args)
      if (r.ok) throw new Error(`${name} should have failed`)
      return r.error
    }
  }
}
