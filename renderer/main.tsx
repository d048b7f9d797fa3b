import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
// First, so that the stylesheets the screens import (deadlines.css) come after it and can build on it.
import './styles.css'
import { App } from './App'

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
