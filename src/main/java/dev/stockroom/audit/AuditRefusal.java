package dev.stockroom.audit;

import dev.stockroom.shared.DomainException;

/** The refusals of the audit module. */
public final class AuditRefusal extends DomainException {

    private AuditRefusal(Kind kind, String type, String title, String detail) {
        super(kind, type, title, detail);
    }

    public static AuditRefusal boundClient() {
        return new AuditRefusal(
                Kind.FORBIDDEN,
                "bound-client",
                "Not allowed for a bound client",
                "The audit log is for staff; partner clients bound to a customer cannot read it.");
    }
}
