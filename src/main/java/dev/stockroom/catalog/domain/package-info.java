@NullMarked
package dev.stockroom.catalog.domain;

import org.jspecify.annotations.NullMarked;
