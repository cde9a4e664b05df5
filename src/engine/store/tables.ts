/** The store's view of the child tables; they are declared in the domain model. */
export {
  countsByTable,
  snakeCase,
  tableOfList,
  tableSpecs,
  viewOf,
  type ColumnKind,
  type ListKey,
  type RowOf,
  type TableSpec,
} from '../model/tables.js';
