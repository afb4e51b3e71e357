package dev.stockroom.audit;

import dev.stockroom.shared.paging.Page;
import dev.stockroom.shared.security.BoundClientRefused;
import dev.stockroom.shared.security.Caller;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading the audit log. Nothing can change or delete what it holds. The log is for staff: it names every
 * customer, user and actor, so a partner client bound to one customer reads none of it (rather than a filtered
 * part, since an event about a product or a user belongs to no customer).
 */
@Service
public class AuditLog {

    private final AuditRepository events;

    AuditLog(AuditRepository events) {
        this.events = events;
    }

    /** Throws {@link BoundClientRefused} for a caller bound to a customer. */
    @Transactional(readOnly = true)
    public Page<AuditEvent> search(AuditSearch search, Caller caller) {
        if (caller.boundCustomer().isPresent()) {
            throw BoundClientRefused.because(
                    "The audit log is for staff; partner clients bound to a customer cannot read it.");
        }
        return events.page(search);
    }
}
