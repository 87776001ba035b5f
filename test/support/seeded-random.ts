/** A small seeded generator (mulberry32): a failing fuzz run can be replayed from its seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/**
 * The seed of a fuzz run: `FUZZ_SEED` when set (to replay a failure), else a fresh one. Printed
 * either way, so a failing run in CI names the seed that replays it.
 */
export function fuzzSeed(name: string): number {
  const fromEnv = process.env.FUZZ_SEED
  const seed = fromEnv === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(fromEnv)
  if (!Number.isSafeInteger(seed)) throw new Error(`FUZZ_SEED must be an integer, got ${fromEnv}`)
  console.log(`${name} fuzz seed ${seed} (replay with FUZZ_SEED=${seed})`)
  return seed
}

/** Helpers that draw only from `random`, so the whole run follows from the seed. */
export function randomTools(random: () => number) {
  const int = (below: number): number => Math.floor(random() * below)
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!
  const bytes = (length: number): Buffer => Buffer.from(Array.from({ length }, () => int(256)))
  const text = (length: number, alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789'): string =>
    Array.from({ length }, () => alphabet[int(alphabet.length)]).join('')
  return { int, pick, bytes, text }
}
