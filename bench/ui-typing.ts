/// <reference lib="dom" />
/**
 * The control room under a stage's load, in Chromium: typing in the editor (keydown to next
 * paint), main-thread tasks over 50 ms, and the page's memory over the run. The baseline is the
 * same typing on the same page before the load starts.
 */
import { execFileSync, spawn } from 'node:child_process'
import { join, resolve } from 'node:path'
import type { Page } from 'playwright-core'
import { launchChromium } from '../test/support/chromium.js'
import { startServe } from '../test/support/serve-process.js'
import { makeTempDir } from '../test/support/temp-dir.js'
import { formatMs, percentile } from './stats.js'

const root = resolve(import.meta.dirname, '..')

const probes = () => {
  const state = window as unknown as { __typing: number[]; __longTasks: number[] }
  state.__typing = []
  state.__longTasks = []
  addEventListener(
    'keydown',
    () => {
      const started = performance.now()
      // The task after the next animation frame runs once that frame has been painted.
      requestAnimationFrame(() =>
        setTimeout(() => state.__typing.push(performance.now() - started), 0),
      )
    },
    true,
  )
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) state.__longTasks.push(entry.duration)
  }).observe({ entryTypes: ['longtask'] })
}

const snippet =
  'Ndef(\\pad, { SinOsc.ar([220, 221], 0, 0.1) * LFNoise1.kr(0.3).range(0.2, 1) }).play; '

async function typeFor(
  page: Page,
  seconds: number,
  onEachSecond: (second: number) => Promise<void> = async () => {},
) {
  await page.locator('.cm-content').click()
  const end = Date.now() + seconds * 1000
  let typed = 0
  let lastSecond = -1
  while (Date.now() < end) {
    await page.keyboard.type(snippet[typed % snippet.length]!)
    typed += 1
    if (typed % 400 === 0) {
      await page.keyboard.press('Control+A')
      await page.keyboard.press('Backspace')
    }
    const second = Math.floor((seconds * 1000 - (end - Date.now())) / 1000)
    if (second !== lastSecond) {
      lastSecond = second
      await onEachSecond(second)
    }
    await page.waitForTimeout(80)
  }
}

/** The median time between animation frames of this browser: the floor of any paint latency. */
function frameInterval(page: Page): Promise<number> {
  // A string, not a function: tsx names inner functions with a helper the page does not have.
  return page.evaluate(`new Promise((resolve) => {
    const gaps = []
    let last
    const step = (time) => {
      if (last !== undefined) gaps.push(time - last)
      last = time
      if (gaps.length < 120) requestAnimationFrame(step)
      else resolve(gaps.sort((a, b) => a - b)[60])
    }
    requestAnimationFrame(step)
  })`)
}

async function takeSamples(page: Page): Promise<{ typing: number[]; longTasks: number[] }> {
  return page.evaluate(() => {
    const state = window as unknown as { __typing: number[]; __longTasks: number[] }
    const taken = { typing: state.__typing, longTasks: state.__longTasks }
    state.__typing = []
    state.__longTasks = []
    return taken
  })
}

export async function benchUiTyping(
  minutes = Number(process.env.UI_BENCH_MINUTES ?? 10),
): Promise<void> {
  execFileSync(join(root, 'node_modules/.bin/electron-vite'), ['build', '--logLevel', 'warn'], {
    cwd: root,
  })
  const data = makeTempDir('bench-ui')
  const serve = await startServe(data.path)
  const browser = await launchChromium()
  const generator = spawn(
    join(root, 'node_modules/.bin/tsx'),
    ['bench/stage-load-generator.ts', '--port', String(serve.oscPort)],
    {
      cwd: root,
      stdio: 'ignore',
    },
  )
  try {
    const page = await browser.context.newPage()
    await page.addInitScript(probes)
    const cdp = await browser.context.newCDPSession(page)
    await cdp.send('Performance.enable')
    const heapMb = async () => {
      await cdp.send('HeapProfiler.collectGarbage')
      const { metrics } = await cdp.send('Performance.getMetrics')
      return (metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value ?? 0) / 1024 / 1024
    }
    generator.kill('SIGSTOP')
    await page.goto(serve.url)
    await page.locator('.cm-content').waitFor()
    const frameMs = await frameInterval(page)
    await typeFor(page, 15)
    const idle = await takeSamples(page)

    generator.kill('SIGCONT')
    await page
      .getByTestId('totals')
      .filter({ hasText: '1000 online / 1000' })
      .waitFor({ timeout: 30_000 })
    await typeFor(page, 10) // warm-up under load
    await takeSamples(page)
    const heap: number[] = [await heapMb()]
    await typeFor(page, minutes * 60, async (second) => {
      if (second > 0 && second % 30 === 0) heap.push(await heapMb())
    })
    heap.push(await heapMb())
    const loaded = await takeSamples(page)
    const logLines = await page.getByTestId('log-line').count()

    const idleP95 = percentile(idle.typing, 95)
    const loadedP95 = percentile(loaded.typing, 95)
    const firstHeap = heap[0]!
    const lastHeap = heap.at(-1)!
    console.log(
      `Control room under a stage's load in Chromium (1,000 points beaconing every 5 s + 200 log lines/s, ${minutes} min of typing)`,
    )
    console.log(
      `  frame interval of this headless Chromium: ${formatMs(frameMs)} (the floor under any paint latency)`,
    )
    console.log(
      `  keydown to next paint, idle:   p50 ${formatMs(percentile(idle.typing, 50))}, p95 ${formatMs(idleP95)} (${idle.typing.length} keys)`,
    )
    console.log(
      `  keydown to next paint, loaded: p50 ${formatMs(percentile(loaded.typing, 50))}, p95 ${formatMs(loadedP95)} (${loaded.typing.length} keys; target p95 < 16 ms); ratio ${(loadedP95 / idleP95).toFixed(2)}`,
    )
    console.log(
      `  main-thread tasks over 50 ms under load: ${loaded.longTasks.length}${loaded.longTasks.length ? `, longest ${formatMs(Math.max(...loaded.longTasks))}` : ''} (target 0)`,
    )
    console.log(
      `  JS heap after GC: ${firstHeap.toFixed(1)} MB -> ${lastHeap.toFixed(1)} MB (${(((lastHeap - firstHeap) / firstHeap) * 100).toFixed(1)} %; max ${Math.max(...heap).toFixed(1)} MB over ${heap.length} samples; ${logLines} log lines on screen)`,
    )
  } finally {
    generator.kill('SIGKILL')
    await browser.close()
    await serve.stop()
    data.remove()
  }
}
