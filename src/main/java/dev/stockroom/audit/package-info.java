/**
 * The audit log: who changed what, when, from where. It records every
 * {@link dev.stockroom.shared.audit.AuditableEvent} in the transaction that published it, and security events
 * (failed sign-ins, revoked grants) as they happen. Append-only, also in the database.
 */
@NullMarked
package dev.stockroom.audit;

import org.jspecify.annotations.NullMarked;
