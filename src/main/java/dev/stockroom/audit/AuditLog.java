package dev.stockroom.audit;

import dev.stockroom.shared.paging.CursorCodec;
import dev.stockroom.shared.paging.Page;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading the audit log. Nothing can change or delete what it holds. */
@Service
public class AuditLog {

    private final AuditRepository events;
    private final CursorCodec cursors;

    AuditLog(AuditRepository events, CursorCodec cursors) {
        this.events = events;
        this.cursors = cursors;
    }

    @Transactional(readOnly = true)
    public Page<AuditEvent> search(AuditSearch search) {
        return cursors.page(
                search.fingerprint(),
                search.cursor(),
                search.limit(),
                after -> events.page(search, after),
                last -> List.of(last.occurredAt().toString(), last.id().toString()));
    }
}
