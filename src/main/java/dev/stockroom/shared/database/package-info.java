@NullMarked
package dev.stockroom.shared.database;

import org.jspecify.annotations.NullMarked;
