/** The HTTP edge of the audit log: {@code /v1/audit-events}. */
@NullMarked
package dev.stockroom.audit.web;

import org.jspecify.annotations.NullMarked;
