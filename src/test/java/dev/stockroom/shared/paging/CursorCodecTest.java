package dev.stockroom.shared.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CursorCodecTest {

    private final CursorCodec codec = new CursorCodec(null, new PagingProperties("test-secret"));

    @Test
    void roundTripsThePosition() {
        String cursor = codec.encode("products|name", List.of("Widget", "id-1"));

        assertThat(codec.decode(cursor, "products|name")).containsExactly("Widget", "id-1");
    }

    @Test
    void refusesACursorOfAnotherQuery() {
        String cursor = codec.encode("products|name", List.of("Widget", "id-1"));

        assertThatThrownBy(() -> codec.decode(cursor, "products|price")).isInstanceOf(InvalidCursor.class);
    }

    @Test
    void refusesACursorSignedWithAnotherKey() {
        String foreign = new CursorCodec(null, new PagingProperties("other-secret"))
                .encode("products|name", List.of("Widget", "id-1"));

        assertThatThrownBy(() -> codec.decode(foreign, "products|name")).isInstanceOf(InvalidCursor.class);
    }

    @Test
    void refusesGarbage() {
        for (String garbage : new String[] {"", ".", "abc", "a.b", "!!!.???"}) {
            assertThatThrownBy(() -> codec.decode(garbage, "q")).as(garbage).isInstanceOf(InvalidCursor.class);
        }
    }
}
