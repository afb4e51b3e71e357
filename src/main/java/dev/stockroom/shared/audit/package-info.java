/** What a module publishes so that its state changes are audited: {@link dev.stockroom.shared.audit.AuditableEvent}. */
@NullMarked
package dev.stockroom.shared.audit;

import org.jspecify.annotations.NullMarked;
