import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app'
import { stopAll } from './state/actions'
import { connectStore } from './state/connect-store'
import { createAppStore } from './state/store'
import { AppProvider } from './state/store-context'
import { createTransport } from './transport/create-transport'
import './styles.css'

const store = createAppStore()
const api = createTransport()
// Every (re)connection starts from the core's current state (connectStore follows the transport).
connectStore(api, store)

// Ctrl/Cmd+. is the panic key anywhere on the page, not only in the editor.
window.addEventListener('keydown', (event) => {
  // The editor handles its own Ctrl+. (and marks the event handled): one key, one stop.
  if ((event.ctrlKey || event.metaKey) && event.key === '.' && !event.defaultPrevented) {
    event.preventDefault()
    void stopAll(api, store)
  }
})

const root = document.getElementById('root')
if (root) {
  createRoot(root).render(
    <StrictMode>
      <AppProvider store={store} api={api}>
        <App />
      </AppProvider>
    </StrictMode>,
  )
}
