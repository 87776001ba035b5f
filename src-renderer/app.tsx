/**
 * The control room is built with its own issue (dashboard, editor, logs); the core runs and is
 * usable headless meanwhile (`npm run serve`).
 */
export function App() {
  return (
    <main>
      <h1>Gencaster Desktop</h1>
      <p>The core is running. The control room (dashboard, editor, logs) is not built yet.</p>
    </main>
  )
}
