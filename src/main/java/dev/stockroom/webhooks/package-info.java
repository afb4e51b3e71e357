/** Webhooks to partners. */
@NullMarked
package dev.stockroom.webhooks;

import org.jspecify.annotations.NullMarked;
