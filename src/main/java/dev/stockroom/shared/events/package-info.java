/**
 * What modules share about their events beyond the events themselves: how the resource an event is about is
 * represented to the outside, as the REST API would answer for it.
 */
@NullMarked
package dev.stockroom.shared.events;

import org.jspecify.annotations.NullMarked;
