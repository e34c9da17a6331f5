// Where the app keeps its data when no path is given: a folder of the user's, as desktop apps do.
import { mkdirSync } from 'node:fs'
import { homedir } from 'node:os'
import { posix, win32 } from 'node:path'

/**
 * The per-user data folder: `%APPDATA%\doisoat` on Windows, `~/Library/Application Support/doisoat`
 * on macOS, `$XDG_DATA_HOME/doisoat` (or `~/.local/share/doisoat`) elsewhere. Never the working
 * directory, where a database, its key file and plaintext uploads would end up wherever the
 * command happened to be typed (a shared folder, a git checkout).
 */
export function appDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir()
): string {
  if (platform === 'win32') {
    const base = env.APPDATA && win32.isAbsolute(env.APPDATA) ? env.APPDATA : null
    return win32.join(base ?? win32.join(home, 'AppData', 'Roaming'), 'doisoat')
  }
  if (platform === 'darwin') return posix.join(home, 'Library', 'Application Support', 'doisoat')
  // The XDG rule: a relative value is invalid and ignored.
  const xdg = env.XDG_DATA_HOME && posix.isAbsolute(env.XDG_DATA_HOME) ? env.XDG_DATA_HOME : null
  return posix.join(xdg ?? posix.join(home, '.local', 'share'), 'doisoat')
}

/** Create a folder only its owner may enter (where it does not exist yet). */
export function ownerOnlyFolder(path: string): string {
  mkdirSync(path, { recursive: true, mode: 0o700 })
  return path
}
