/**
 * The preload bridge. The typed contract between renderer and core (and its one
 * contextBridge object) is built with the control-room issue; until then the page gets nothing.
 */
export {}
