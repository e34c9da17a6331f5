// UTF-8 bytes to NFC text, chunk by chunk: how the importer reads UTF-8 files and the gateway its seed file.

/** Bytes in, text out; B is the caller's byte type (a Node Buffer is a Uint8Array too). */
export interface StreamDecoder<B extends Uint8Array = Uint8Array> {
  write(buf: B): string
  end(): string
}

/**
 * Characters NFC may change or compose with. Vietnamese text in precomposed form (ASCII,
 * Latin-1, Latin Extended-A/B, Latin Extended Additional U+1E00–U+1EFF) has none of them, and
 * NFC never reaches across a line break: only the lines holding one are normalised.
 */
const MAYBE_NOT_NFC = /[\u0300-\u1dff\u1f00-\uffff]/g

/** `text` in NFC, normalising only the lines that may need it. */
export function toNfc(text: string): string {
  MAYBE_NOT_NFC.lastIndex = 0
  let m = MAYBE_NOT_NFC.exec(text)
  if (m === null) return text
  let out = ''
  let done = 0
  while (m !== null) {
    const start = text.lastIndexOf('\n', m.index) + 1
    let end = text.indexOf('\n', m.index)
    if (end < 0) end = text.length
    out += text.slice(done, start) + text.slice(start, end).normalize('NFC')
    done = end
    MAYBE_NOT_NFC.lastIndex = end
    m = MAYBE_NOT_NFC.exec(text)
  }
  return out + text.slice(done)
}

/** Hold back a trailing base letter: its combining mark may start the next chunk. */
export function nfcStream<B extends Uint8Array>(inner: StreamDecoder<B>): StreamDecoder<B> {
  let tail = ''
  return {
    write(buf) {
      const text = tail + inner.write(buf)
      const cut = Math.max(0, text.length - 1)
      tail = text.slice(cut)
      return toNfc(text.slice(0, cut))
    },
    end() {
      const text = toNfc(tail + inner.end())
      tail = ''
      return text
    }
  }
}

/**
 * UTF-8 as it comes, a byte order mark kept for the caller to drop. Invalid bytes become U+FFFD,
 * or, with `fatal`, throw a TypeError.
 */
export function utf8Stream(fatal = false): StreamDecoder {
  // Faster than Node's StringDecoder, and the same in every host.
  const d = new TextDecoder('utf-8', { ignoreBOM: true, fatal })
  return { write: (b) => d.decode(b, { stream: true }), end: () => d.decode() }
}
