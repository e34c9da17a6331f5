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
    decimalSeparator: t('grid.decimalSeparator')
  }
}
