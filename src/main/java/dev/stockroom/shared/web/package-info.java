@NullMarked
package dev.stockroom.shared.web;

import org.jspecify.annotations.NullMarked;
