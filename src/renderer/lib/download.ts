// Saves bytes the backend sent (base64) as a file, through a temporary <a download>: browser and Electron alike.

export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}

export function downloadBase64(
  file: { fileName: string; mime: string; base64: string },
  doc: Document = document
): void {
  const blob = new Blob([base64ToBytes(file.base64)], { type: file.mime })
  const url = URL.createObjectURL(blob)
  const link = doc.createElement('a')
  link.href = url
  link.download = file.fileName
  link.style.display = 'none'
  doc.body.append(link)
  link.click()
  link.remove()
  // The download has started by now; the URL only keeps the bytes alive.
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
