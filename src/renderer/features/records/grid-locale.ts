// AG Grid's own texts (loading, no rows, paging) taken from the shared catalog.
import type { TFunction } from 'i18next'

export function gridLocaleText(t: TFunction): Record<string, string> {
  return {
    loadingOoo: t('grid.loading'),
    noRowsToShow: t('grid.noRows'),
    noMatchingRows: t('grid.noMatchingRows'),
    loadingError: t('grid.loadingError'),
    ariaSkeletonCellLoading: t('grid.rowLoading'),
    ariaSkeletonCellLoadingFailed: t('grid.rowLoadingFailed'),
    page: t('grid.page'),
    of: t('grid.of'),
    to: t('grid.to'),
    more: t('grid.more'),
    firstPage: t('grid.firstPage'),
    lastPage: t('grid.lastPage'),
    nextPage: t('grid.nextPage'),
    previousPage: t('grid.previousPage'),
    thousandSeparator: t('grid.thousandSeparator'),
    decimalSeparator: t('grid.decimalSeparator'),
    // What a screen reader hears on rows and headers.
    ariaRowSelect: t('grid.ariaRowSelect'),
    ariaRowDeselect: t('grid.ariaRowDeselect'),
    ariaRowToggleSelection: t('grid.ariaRowToggleSelection'),
    ariaRowSelectAll: t('grid.ariaRowSelectAll'),
    ariaSortableColumn: t('grid.ariaSortableColumn'),
    ariaMenuColumn: t('grid.ariaMenuColumn'),
    ariaLabelColumnMenu: t('grid.ariaLabelColumnMenu'),
    ariaFilterColumn: t('grid.ariaFilterColumn'),
    ariaColumnFiltered: t('grid.ariaColumnFiltered')
  }
}
