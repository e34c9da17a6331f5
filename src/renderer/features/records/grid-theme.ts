// The grid's look: Quartz with a system font that has Vietnamese glyphs, sized for long reading.
import { themeQuartz } from 'ag-grid-community'

export const gridTheme = themeQuartz.withParams({
  fontFamily: ['system-ui', 'Segoe UI', 'Noto Sans', 'Arial', 'sans-serif'],
  fontSize: 14,
  headerFontSize: 13,
  headerFontWeight: 600,
  headerTextColor: '#334155',
  headerBackgroundColor: '#f1f5f9',
  foregroundColor: '#1e293b',
  borderColor: '#dbe2ea',
  accentColor: '#1d4ed8',
  oddRowBackgroundColor: '#f8fafc',
  rowHoverColor: '#eef4ff',
  wrapperBorderRadius: 8,
  spacing: 7
})
