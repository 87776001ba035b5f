import { useEffect, useRef, useState, type RefObject } from 'react'

/** Fixed row height of the dashboard table (CSS `.point-row`). */
export const rowHeight = 26
const overscan = 8

/**
 * The slice of a long list that the scroll box shows, plus a little on each side: a show with a
 * thousand points renders a few dozen rows, not a thousand.
 */
export function useVisibleRows(count: number): {
  scroller: RefObject<HTMLDivElement | null>
  first: number
  last: number
  onScroll: () => void
} {
  const scroller = useRef<HTMLDivElement>(null)
  const [viewport, setViewport] = useState({ top: 0, height: 800 })
  const measure = () => {
    const element = scroller.current
    if (element) setViewport({ top: element.scrollTop, height: element.clientHeight })
  }
  useEffect(() => {
    const element = scroller.current
    if (!element) return undefined
    const observer = new ResizeObserver(measure)
    observer.observe(element)
    return () => observer.disconnect()
  }, [])
  const first = Math.max(0, Math.floor(viewport.top / rowHeight) - overscan)
  const last = Math.min(count, Math.ceil((viewport.top + viewport.height) / rowHeight) + overscan)
  return { scroller, first, last, onScroll: measure }
}
