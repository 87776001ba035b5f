import type { MouseEvent } from 'react'

/**
 * `onMouseDown` of a button a performer clicks while typing (STOP, a banner's dismiss, a tab):
 * the click does its work and the keyboard focus stays where it was, in the editor. Otherwise
 * the button keeps the focus, and the next typed space presses it again (a second STOP ALL)
 * instead of landing in the code. The button stays reachable by Tab.
 */
export function keepFocus(event: MouseEvent): void {
  event.preventDefault()
}
