/// <reference lib="dom" />
/**
 * The control room under a stage's load, in Chromium: typing in the editor (keydown to next
 * paint), main-thread tasks over 50 ms, and the page's memory over the run. Two baselines: the
 * same typing on the same page before the load starts, and a bare textarea beside a line of text
 * that changes at the load's rate (what any page pays for showing events while you type), also
 * measured at other rates to show how that floor follows the rate.
 */
import { execFileSync, spawn } from 'node:child_process'
import { join, resolve } from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'
import { launchChromium } from '../test/support/chromium.js'
import { startServe } from '../test/support/serve-process.js'
import { makeTempDir } from '../test/support/temp-dir.js'
import { KeyLatencyTrace, type KeyLatency } from './key-latency-trace.js'
import { formatMs, percentile, slopePerStep } from './stats.js'

const root = resolve(import.meta.dirname, '..')

const probes = () => {
  const state = window as unknown as { __longTasks: number[] }
  state.__longTasks = []
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) state.__longTasks.push(entry.duration)
  }).observe({ entryTypes: ['longtask'] })
}

/** What is typed, over and over: code as a performer writes it, lines ending in Enter. */
const snippet = [
  '(',
  'Ndef(\\pad, { |freq = 220|',
  '  SinOsc.ar([freq, freq * 1.01], 0, 0.1) * LFNoise1.kr(0.3).range(0.2, 1)',
  '}).play;',
  ')',
  '',
].join('\n')

/** What one typing run measured. */
interface TypingRun {
  readonly keys: KeyLatency[]
  /** Main-thread tasks over 50 ms, in ms. */
  readonly longTasks: number[]
}

/**
 * Types for a while; returns each keystroke's keydown-to-paint latency and the long tasks.
 * A long task of about 50 ms showed up just as a trace window ended, when the renderer flushes
 * its trace: long tasks are read before each window ends, and those of its ending dropped.
 */
async function typeFor(
  page: Page,
  trace: KeyLatencyTrace,
  seconds: number,
  onEachSecond: (second: number) => Promise<void> = async () => {},
  into = '.cm-content',
): Promise<TypingRun> {
  await page.locator(into).click()
  const keys: KeyLatency[] = []
  const longTasks: number[] = []
  const endWindow = async () => {
    longTasks.push(...(await takeLongTasks(page)))
    keys.push(...(await trace.take()))
  }
  const end = Date.now() + seconds * 1000
  let typed = 0
  let lastSecond = -1
  await takeLongTasks(page)
  await trace.start()
  while (Date.now() < end) {
    await page.keyboard.type(snippet[typed % snippet.length]!)
    typed += 1
    // Twice through the snippet, then a fresh page: the code stays in view without scrolling.
    if (typed % (2 * snippet.length) === 0) {
      await page.keyboard.press('Control+A')
      await page.keyboard.press('Backspace')
    }
    const second = Math.floor((seconds * 1000 - (end - Date.now())) / 1000)
    if (second !== lastSecond) {
      lastSecond = second
      // Trace in windows of 30 s, so that the browser's trace buffer never fills.
      if (second > 0 && second % 30 === 0) {
        await endWindow()
        await page.waitForTimeout(200)
        await takeLongTasks(page)
        await trace.start()
      }
      await onEachSecond(second)
    }
    await page.waitForTimeout(80)
  }
  await endWindow()
  return { keys, longTasks }
}

function takeLongTasks(page: Page): Promise<number[]> {
  return page.evaluate(() => {
    const state = window as unknown as { __longTasks?: number[] }
    const taken = state.__longTasks ?? []
    state.__longTasks = []
    return taken
  })
}

/**
 * The floor under load: the least any page can do while it shows events as they come. A bare
 * textarea, with one line of text beside it changing `timesPerSecond` (0: never), typed into the
 * same way in the same browser, while the same load runs. Every change of the line makes the
 * browser draw frames on its 60 Hz clock for a while, and a keystroke that comes then waits for
 * the next tick: the more often a page shows something new, the higher its keystrokes' p95.
 */
async function bareTextareaWithTicks(
  context: BrowserContext,
  timesPerSecond: number,
): Promise<KeyLatency[]> {
  const page = await context.newPage()
  const trace = new KeyLatencyTrace(await context.newCDPSession(page))
  await page.setContent('<textarea rows="20" cols="80"></textarea><p id="tick"></p>')
  if (timesPerSecond > 0)
    await page.evaluate(`setInterval(() => {
      document.getElementById('tick').textContent = String(performance.now())
    }, ${1000 / timesPerSecond})`)
  const { keys } = await typeFor(page, trace, 25, undefined, 'textarea')
  await page.close()
  return keys
}

/**
 * The rates the bare page is measured at. 20 is the load generator's tick, the rate at which
 * the control room shows new events under this load; the ratio is taken against it.
 */
const bareTicksPerSecond = [0, 5, 20, 60] as const
const bareTicksLikeTheLoad = 20

/** How many evaluations to every point the result matrix holds while typing is measured. */
const evaluationsOnScreen = 10

/**
 * A stage mid-show: code evaluated to every online point, again and again, so the result matrix
 * holds rows of a thousand targets (the load generator's points never answer: "no answer" after
 * 10 s). Returns the main-thread tasks over 50 ms while the rows and their answers came in.
 */
async function evaluateToAllPoints(page: Page, points: number): Promise<number[]> {
  await takeLongTasks(page)
  for (let n = 1; n <= evaluationsOnScreen; n += 1) {
    await page.locator('.cm-content').click()
    await page.keyboard.press('Control+A')
    await page.keyboard.insertText(`${n} + 1`)
    await page.keyboard.press('Control+Enter')
    await page
      .getByTestId('evaluation-summary')
      .first()
      .filter({ hasText: `${points} targets` })
      .waitFor({ timeout: 30_000 })
    await page.waitForTimeout(1000)
  }
  await page.keyboard.press('Control+A')
  await page.keyboard.press('Backspace')
  // Past the last row's deadline: each row's thousand "no answer"s arrive at once.
  await page.waitForTimeout(11_000)
  return takeLongTasks(page)
}

/** The median time between animation frames of this browser: its frame clock. */
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

export async function benchUiTyping(
  minutes = Number(process.env.UI_BENCH_MINUTES ?? 10),
): Promise<void> {
  execFileSync(join(root, 'node_modules/.bin/electron-vite'), ['build', '--logLevel', 'warn'], {
    cwd: root,
  })
  const data = makeTempDir('bench-ui')
  const serve = await startServe(data.path)
  const browser = await launchChromium()
  // One process, not the tsx wrapper: SIGSTOP, SIGCONT and SIGKILL must reach the generator
  // itself (the wrapper's child kept sending through the "idle" baseline and after the run).
  const generator = spawn(
    process.execPath,
    ['--import', 'tsx', 'bench/stage-load-generator.ts', '--port', String(serve.oscPort)],
    { cwd: root, stdio: 'ignore' },
  )
  try {
    const page = await browser.context.newPage()
    await page.addInitScript(probes)
    const cdp = await browser.context.newCDPSession(page)
    const trace = new KeyLatencyTrace(cdp)
    await cdp.send('Performance.enable')
    const heapMb = async () => {
      await cdp.send('HeapProfiler.collectGarbage')
      const { metrics } = await cdp.send('Performance.getMetrics')
      return (metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value ?? 0) / 1024 / 1024
    }
    generator.kill('SIGSTOP')
    await page.goto(serve.url)
    await page.locator('.cm-content').waitFor()
    const { keys: idle } = await typeFor(page, trace, 15)

    generator.kill('SIGCONT')
    await page
      .getByTestId('totals')
      .filter({ hasText: '1000 online / 1000' })
      .waitFor({ timeout: 30_000 })
    const evaluationLongTasks = await evaluateToAllPoints(page, 1000)
    await typeFor(page, trace, 10) // warm-up under load
    const heap: number[] = [await heapMb()]
    const { keys: loaded, longTasks } = await typeFor(page, trace, minutes * 60, async (second) => {
      if (second > 0 && second % 30 === 0) heap.push(await heapMb())
    })
    heap.push(await heapMb())
    const logLines = await page.getByTestId('log-line').count()
    const resultRows = await page.getByTestId('evaluation').count()
    await page.close()
    const bare = new Map<number, KeyLatency[]>()
    for (const timesPerSecond of bareTicksPerSecond)
      bare.set(timesPerSecond, await bareTextareaWithTicks(browser.context, timesPerSecond))
    const floor = bare.get(bareTicksLikeTheLoad)!
    // Measured last: a run of animation frames just before typing changed how Chromium
    // scheduled the frames that followed.
    const frameMs = await frameInterval(await browser.context.newPage())

    const total = (keys: KeyLatency[]) => keys.map((key) => key.totalMs)
    const working = (keys: KeyLatency[]) => keys.map((key) => key.totalMs - key.frameWaitMs)
    const idleP95 = percentile(total(idle), 95)
    const loadedP95 = percentile(total(loaded), 95)
    const firstHeap = heap[0]!
    const lastHeap = heap.at(-1)!
    console.log(
      `Control room under a stage's load in Chromium (1,000 points beaconing every 5 s + 200 log lines/s, ${resultRows} result rows of 1,000 targets, ${minutes} min of typing code)`,
    )
    console.log(
      `  frame interval of this headless Chromium: ${formatMs(frameMs)} (a keystroke that just missed a frame waits up to this long)`,
    )
    console.log(
      `  keydown to next paint (Chromium's EventLatency), idle:   p50 ${formatMs(percentile(total(idle), 50))}, p95 ${formatMs(idleP95)} (${idle.length} keys)`,
    )
    const floorP95 = percentile(total(floor), 95)
    console.log(
      `  keydown to next paint (Chromium's EventLatency), loaded: p50 ${formatMs(percentile(total(loaded), 50))}, p95 ${formatMs(loadedP95)} (${loaded.length} keys; target p95 < 16 ms)`,
    )
    console.log(
      `  baseline, a bare textarea beside one line of text changing ${bareTicksLikeTheLoad} times a second, same load: p50 ${formatMs(percentile(total(floor), 50))}, p95 ${formatMs(floorP95)} (${floor.length} keys)`,
    )
    const bareP95s = [...bare].map(
      ([timesPerSecond, keys]) => `${timesPerSecond}/s ${formatMs(percentile(total(keys), 95))}`,
    )
    console.log(
      `  the bare textarea's p95 by how often the line beside it changes: ${bareP95s.join(', ')}`,
    )
    console.log(
      `  ratio loaded / bare baseline at p95: ${(loadedP95 / floorP95).toFixed(2)}; loaded / idle: ${(loadedP95 / idleP95).toFixed(2)}`,
    )
    console.log(
      `  the same less the wait for the next frame tick: idle p95 ${formatMs(percentile(working(idle), 95))}, loaded p95 ${formatMs(percentile(working(loaded), 95))}, bare baseline p95 ${formatMs(percentile(working(floor), 95))}`,
    )
    console.log(
      `  main-thread tasks over 50 ms while ${evaluationsOnScreen} evaluations to 1,000 points came in: ${evaluationLongTasks.length}${evaluationLongTasks.length ? `, longest ${formatMs(Math.max(...evaluationLongTasks))}` : ''} (target 0)`,
    )
    console.log(
      `  main-thread tasks over 50 ms under load: ${longTasks.length}${longTasks.length ? `, longest ${formatMs(Math.max(...longTasks))}` : ''} (target 0)`,
    )
    console.log(
      `  JS heap after GC: ${firstHeap.toFixed(1)} MB -> ${lastHeap.toFixed(1)} MB (${(((lastHeap - firstHeap) / firstHeap) * 100).toFixed(1)} %; max ${Math.max(...heap).toFixed(1)} MB over ${heap.length} samples; ${logLines} log lines on screen)`,
    )
    const half = Math.floor(heap.length / 2)
    // Samples are 30 s apart (the first and last at the run's ends): 20 steps make 10 minutes.
    console.log(
      `  heap samples: ${heap.map((mb) => mb.toFixed(1)).join(' ')} MB; median of the first half ${percentile(heap.slice(0, half), 50).toFixed(1)} MB, of the second ${percentile(heap.slice(half), 50).toFixed(1)} MB; least-squares trend ${(slopePerStep(heap) * 20).toFixed(2)} MB per 10 min (moved by single GC spikes)`,
    )
  } finally {
    generator.kill('SIGKILL')
    await browser.close()
    await serve.stop()
    data.remove()
  }
}
