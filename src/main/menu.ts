// The application menu, in Vietnamese: editing and zoom for everyone, reload and devtools in development.
import type { MenuItemConstructorOptions } from 'electron'

export function menuTemplate(
  t: (key: string) => string,
  options: { isPackaged: boolean; platform: NodeJS.Platform }
): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions[] = [
    { role: 'zoomIn', label: t('menu.zoomIn') },
    { role: 'zoomOut', label: t('menu.zoomOut') },
    { role: 'resetZoom', label: t('menu.resetZoom') },
    { type: 'separator' },
    { role: 'togglefullscreen', label: t('menu.fullscreen') }
  ]
  if (!options.isPackaged) {
    view.push(
      { type: 'separator' },
      { role: 'reload', label: t('menu.reload') },
      { role: 'toggleDevTools', label: t('menu.devTools') }
    )
  }
  return [
    ...(options.platform === 'darwin'
      ? [{ role: 'appMenu' } satisfies MenuItemConstructorOptions]
      : [
          {
            label: t('menu.file'),
            submenu: [{ role: 'quit', label: t('menu.quit') }]
          } satisfies MenuItemConstructorOptions
        ]),
    {
      label: t('menu.edit'),
      submenu: [
        { role: 'undo', label: t('menu.undo') },
        { role: 'redo', label: t('menu.redo') },
        { type: 'separator' },
        { role: 'cut', label: t('menu.cut') },
        { role: 'copy', label: t('menu.copy') },
        { role: 'paste', label: t('menu.paste') },
        { role: 'selectAll', label: t('menu.selectAll') }
      ]
    },
    { label: t('menu.view'), submenu: view },
    {
      label: t('menu.window'),
      submenu: [
        { role: 'minimize', label: t('menu.minimize') },
        { role: 'close', label: t('menu.close') }
      ]
    }
  ]
}
