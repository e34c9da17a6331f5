// The signed-in user, for screens that show or hide what the role may do (the backend enforces it).
import { createContext, useContext } from 'react'
import type { UserInfo } from '../../../shared/api'

export interface SignedInUser {
  user: UserInfo
  signOut: () => void
}

export const UserContext = createContext<SignedInUser | null>(null)

export function useUser(): SignedInUser {
  const u = useContext(UserContext)
  if (!u) throw new Error('useUser outside the sign-in gate')
  return u
}
