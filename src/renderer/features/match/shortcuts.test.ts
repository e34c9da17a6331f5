// @vitest-environment jsdom
import { describe, expect, it } from 'vitest'
import { commandFor, keyCap, keyLabel, SHORTCUTS } from './shortcuts'

function press(key: string, target: EventTarget | null, mods: Partial<KeyboardEvent> = {}) {
  return commandFor({ key, ctrlKey: false, altKey: false, metaKey: false, target, ...mods })
}

describe('shortcuts', () => {
  it('maps letters (either case), arrows and ? to commands', () => {
    const body = document.body
    expect(press('a', body)).toBe('accept')
    expect(press('A', body)).toBe('accept')
    expect(press('j', body)).toBe('next')
    expect(press('ArrowDown', body)).toBe('next')
    expect(press('k', body)).toBe('prev')
    expect(press('/', body)).toBe('search')
    expect(press('?', body)).toBe('help')
    expect(press('x', body)).toBeNull()
  })

  it('ignores keys typed into inputs, text areas, selects and editable text', () => {
    const input = document.createElement('input')
    const area = document.createElement('textarea')
    const select = document.createElement('select')
    const editable = document.createElement('div')
    editable.contentEditable = 'true'
    Object.defineProperty(editable, 'isContentEditable', { value: true })
    for (const el of [input, area, select, editable]) expect(press('a', el)).toBeNull()
  })

  it('leaves Ctrl/Alt/Meta combinations to the browser, but for Ctrl+Z: undo', () => {
    expect(press('a', document.body, { ctrlKey: true })).toBeNull()
    expect(press('r', document.body, { metaKey: true })).toBeNull()
    expect(press('z', document.body, { ctrlKey: true })).toBe('undo')
    expect(press('Z', document.body, { metaKey: true })).toBe('undo')
    expect(press('u', document.body)).toBe('undo')
    // Redo and Ctrl+Z in a text box are the browser's.
    expect(press('z', document.body, { ctrlKey: true, shiftKey: true })).toBeNull()
    expect(press('z', document.createElement('input'), { ctrlKey: true })).toBeNull()
  })

  it('leaves Enter and arrows to buttons and the grid, letters still work there', () => {
    const button = document.createElement('button')
    document.body.append(button)
    expect(press('Enter', button)).toBeNull()
    expect(press('ArrowDown', button)).toBeNull()
    expect(press('a', button)).toBe('accept')
    button.remove()
  })

  it('gives every command one key label and no key to two commands', () => {
    const keys = SHORTCUTS.flatMap((s) => s.keys)
    expect(new Set(keys).size).toBe(keys.length)
    expect(keyLabel('accept')).toBe('A')
    expect(keyLabel('next')).toBe('J')
    // Reopen changes a decision: a button with its confirmation, no key.
    expect(keyLabel('reopen')).toBe('')
    expect(keyCap('ArrowDown')).toBe('↓')
    expect(keyCap('Ctrl+z')).toBe('Ctrl+Z')
  })
})
