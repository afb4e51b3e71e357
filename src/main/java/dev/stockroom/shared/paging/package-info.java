@NullMarked
package dev.stockroom.shared.paging;

import org.jspecify.annotations.NullMarked;
