// AG Grid modules, registered once: only what the record grids use keeps the bundle small.
import {
  CellStyleModule,
  InfiniteRowModelModule,
  LocaleModule,
  ModuleRegistry,
  PaginationModule,
  ValidationModule
} from 'ag-grid-community'

ModuleRegistry.registerModules([
  CellStyleModule,
  InfiniteRowModelModule,
  PaginationModule,
  LocaleModule,
  // Readable warnings for misconfigured grids during development only.
  ...(import.meta.env.DEV ? [ValidationModule] : [])
])
