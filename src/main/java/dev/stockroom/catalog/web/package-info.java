@NullMarked
package dev.stockroom.catalog.web;

import org.jspecify.annotations.NullMarked;
