// Moving between screens from inside one: which screen to show, and what it should do on arrival.
import { createContext, useContext } from 'react'
import type { Screen } from '../app'

/** What a screen asks the one it opens to do: match a batch just imported. */
export interface ScreenRequest {
  matchBatch?: number
}

export interface Navigation {
  open(screen: Screen, request?: ScreenRequest): void
  /** The request the current screen was opened with, until it says it is handled. */
  request: ScreenRequest | null
  handled(): void
}

export const NavigationContext = createContext<Navigation | null>(null)

/** Null outside the shell (a screen rendered alone in a test): links to other screens are hidden. */
export function useNavigation(): Navigation | null {
  return useContext(NavigationContext)
}
