import { useEffect, useRef, useState, type RefObject } from 'react'

const overscan = 8

/**
 * The slice of a long list of fixed-height rows that its scroll box shows, plus a little on
 * each side: a show with a thousand points or a fast log renders a few dozen rows, not all.
 */
export function useVisibleRows<Scroller extends HTMLElement>(
  count: number,
  rowHeight: number,
): {
  scroller: RefObject<Scroller | null>
  first: number
  last: number
  onScroll: () => void
} {
  const scroller = useRef<Scroller>(null)
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
