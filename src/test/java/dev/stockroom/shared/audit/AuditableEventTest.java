package dev.stockroom.shared.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditableEventTest {

    @Test
    void betweenKeepsOnlyTheFieldsThatChanged() {
        var before = new HashMap<String, Object>(Map.of("name", "A", "price", 1));
        before.put("description", null);
        var after = new HashMap<String, Object>(Map.of("name", "A", "price", 2, "description", "new"));

        var changes = AuditableEvent.between(before, after);

        assertThat(changes).containsOnlyKeys("price", "description");
        assertThat(changes.get("price")).isEqualTo(new AuditableEvent.Change(1, 2));
        assertThat(changes.get("description")).isEqualTo(new AuditableEvent.Change(null, "new"));
    }

    @Test
    void creationAndDeletionListEveryField() {
        assertThat(AuditableEvent.created(Map.of("a", 1)).get("a")).isEqualTo(new AuditableEvent.Change(null, 1));
        assertThat(AuditableEvent.deleted(Map.of("a", 1)).get("a")).isEqualTo(new AuditableEvent.Change(1, null));
    }
}
