// Calling a backend in tests: the one way to read a call's result (valueOf), and call/fail built on it.
import type { Caller } from '../../src/backend/host'
import type { ApiInput, ApiName, ApiOutput } from '../../src/shared/api'
import type { ApiErrorShape, Result } from '../../src/shared/errors'

/** The value of a call to `name` that must have succeeded; a failure throws with its code. */
export function valueOf<N extends ApiName>(name: N, r: Result<unknown>): ApiOutput<N> {
  if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`)
  return r.value as ApiOutput<N>
}

/** `backend` is a signed-in caller (test/helpers/users.ts signInAs) or a backend for public calls. */
export function apiHelpers(backend: () => Caller) {
  return {
    call: async <N extends ApiName>(name: N, args: ApiInput<N>): Promise<ApiOutput<N>> =>
      valueOf(name, await backend().call(name, args)),
    fail: async <N extends ApiName>(name: N, args: ApiInput<N>): Promise<ApiErrorShape> => {
      const r = await backend().call(name, args)
      if (r.ok) throw new Error(`${name} should have failed`)
      return r.error
    }
  }
}
