// Calling a backend in tests: the value of a call that must succeed, the error of one that must fail.
import type { Caller } from '../../src/backend/host'
import type { ApiInput, ApiName, ApiOutput } from '../../src/shared/api'
import type { ApiErrorShape } from '../../src/shared/errors'

/** `backend` is a signed-in caller (test/helpers/users.ts signInAs) or a backend for public calls. */
export function apiHelpers(backend: () => Caller) {
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
