package dev.stockroom.shared.paging;

import java.util.UUID;

/** Where a page ends: the sort value of its last item and that item's id, which breaks ties. */
record Position<V>(V value, UUID id) {}
