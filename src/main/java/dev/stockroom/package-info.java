/** Root of the Stockroom application; each sub-package is one application module. */
@NullMarked
package dev.stockroom;

import org.jspecify.annotations.NullMarked;
