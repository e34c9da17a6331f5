// A Vite plugin that writes the app's one CSP (src/shared/csp.ts) into index.html's meta tag.
import type { Plugin } from 'vite'
import { metaContentSecurityPolicy } from './src/shared/csp'

export function cspMeta(): Plugin {
  return {
    name: 'doisoat-csp-meta',
    transformIndexHtml(html, ctx) {
      const dev = ctx.server?.resolvedUrls?.local[0]
      return html.replace('__DOISOAT_CSP__', metaContentSecurityPolicy(dev))
    }
  }
}
