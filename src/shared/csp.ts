// The Content Security Policy every host applies to the renderer: one definition.

/** The one CSP of the app (meta tag, Electron header, web mode); a dev server adds its origin and HMR socket. */
export function contentSecurityPolicy(devServer?: string): string {
  const directives: [string, string[]][] = [
    ['default-src', ["'self'"]],
    ['script-src', ["'self'"]],
    ['style-src', ["'self'", "'unsafe-inline'"]],
    ['img-src', ["'self'", 'data:']],
    ['font-src', ["'self'", 'data:']],
    ['connect-src', ["'self'"]],
    ['object-src', ["'none'"]],
    ['base-uri', ["'none'"]],
    ['frame-ancestors', ["'none'"]]
  ]
  if (devServer) {
    const url = new URL(devServer)
    for (const [name, sources] of directives) {
      // Vite's React refresh preamble is an inline script; development only, never packaged.
      if (name === 'script-src') sources.push(url.origin, "'unsafe-inline'")
      if (name === 'connect-src') sources.push(url.origin, `ws://${url.host}`)
    }
  }
  return directives.map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ')
}

/** The policy as a meta tag can carry it (browsers ignore frame-ancestors there; hosts send it as a header). */
export function metaContentSecurityPolicy(devServer?: string): string {
  return contentSecurityPolicy(devServer)
    .split('; ')
    .filter((d) => !d.startsWith('frame-ancestors'))
    .join('; ')
}
