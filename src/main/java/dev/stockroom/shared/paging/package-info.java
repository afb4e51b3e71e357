/**
 * Keyset pagination for every list: {@link dev.stockroom.shared.paging.KeysetPages} reads a page in one
 * statement from a list's filters ({@link dev.stockroom.shared.paging.Conditions}), its order
 * ({@link dev.stockroom.shared.paging.SortKey}) and a search that names its query
 * ({@link dev.stockroom.shared.paging.PageQuery}); the cursors it issues are signed and bound to that query.
 */
@NullMarked
package dev.stockroom.shared.paging;

import org.jspecify.annotations.NullMarked;
