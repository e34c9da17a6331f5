// Two panes side by side with a divider the clerk drags (or moves with the arrow keys); the share
// is remembered on this machine.
import { useRef, useState } from 'react'
import type { KeyboardEvent, PointerEvent, ReactElement, ReactNode } from 'react'

const MIN = 0.35
const MAX = 0.7
const STEP = 0.02

export function clampShare(share: number): number {
  return Math.min(MAX, Math.max(MIN, share))
}

function storedShare(key: string, fallback: number): number {
  try {
    const saved = Number(localStorage.getItem(key))
    return saved > 0 ? clampShare(saved) : fallback
  } catch {
    return fallback
  }
}

export function SplitPane({
  left,
  right,
  storageKey,
  initial,
  label
}: {
  left: ReactNode
  right: ReactNode
  storageKey: string
  /** The left pane's share of the width when nothing is remembered (0.35 to 0.7). */
  initial: number
  /** What the divider is, for a screen reader. */
  label: string
}): ReactElement {
  const [share, setShare] = useState(() => storedShare(storageKey, initial))
  const box = useRef<HTMLDivElement>(null)
  const dragging = useRef(false)

  function keep(next: number): void {
    const s = clampShare(next)
    setShare(s)
    try {
      localStorage.setItem(storageKey, String(s))
    } catch {
      // Private mode or a full quota: the share holds for this session.
    }
  }

  function onPointerDown(e: PointerEvent<HTMLDivElement>): void {
    dragging.current = true
    e.currentTarget.setPointerCapture(e.pointerId)
  }
  function onPointerMove(e: PointerEvent<HTMLDivElement>): void {
    const rect = box.current?.getBoundingClientRect()
    if (!dragging.current || !rect || rect.width === 0) return
    keep((e.clientX - rect.left) / rect.width)
  }
  function onPointerUp(e: PointerEvent<HTMLDivElement>): void {
    dragging.current = false
    e.currentTarget.releasePointerCapture(e.pointerId)
  }
  function onKeyDown(e: KeyboardEvent<HTMLDivElement>): void {
    const next =
      e.key === 'ArrowLeft'
        ? share - STEP
        : e.key === 'ArrowRight'
          ? share + STEP
          : e.key === 'Home'
            ? MIN
            : e.key === 'End'
              ? MAX
              : null
    if (next === null) return
    e.preventDefault()
    keep(next)
  }

  const percent = Math.round(share * 100)
  return (
    <div
      ref={box}
      className="split-pane"
      style={{
        gridTemplateColumns: `minmax(0, ${percent}fr) 10px minmax(0, ${100 - percent}fr)`
      }}
    >
      <div className="split-side">{left}</div>
      <div
        className="split-divider"
        role="separator"
        aria-orientation="vertical"
        aria-label={label}
        aria-valuemin={MIN * 100}
        aria-valuemax={MAX * 100}
        aria-valuenow={percent}
        tabIndex={0}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onKeyDown={onKeyDown}
      />
      <div className="split-side">{right}</div>
    </div>
  )
}
