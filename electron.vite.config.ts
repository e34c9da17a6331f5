// Build of the desktop app: main and the backend (utility process) as CommonJS, preload sandboxed, renderer with React.
import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'
import { cspMeta } from './vite.csp'

export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          backend: resolve(__dirname, 'src/backend/electron-entry.ts'),
          'match-worker': resolve(__dirname, 'src/backend/match/scan-worker.ts'),
          'import-worker': resolve(__dirname, 'src/backend/import/import-worker.ts'),
          'backup-worker': resolve(__dirname, 'src/backend/backup/backup-worker.ts')
        },
        output: { format: 'cjs' }
      }
    }
  },
  preload: {
    build: {
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
        output: { format: 'cjs' }
      }
    }
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      rollupOptions: { input: resolve(__dirname, 'src/renderer/index.html') }
    },
    plugins: [react(), cspMeta()]
  }
})
