// Renderer entry: language, grid modules and styles first, then the shell.
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import './i18n'
import './lib/grid-setup'
import './styles.css'
import { App } from './app'

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>
)
