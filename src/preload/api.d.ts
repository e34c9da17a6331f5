// Types window.api for the renderer: the surface the preload exposes (web mode provides the same).
import type { WindowApi } from '../shared/api'

declare global {
  interface Window {
    api: WindowApi
  }
}

export {}
