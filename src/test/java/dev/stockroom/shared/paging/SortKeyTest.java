package dev.stockroom.shared.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SortKeyTest {

    private record Item(UUID id, String name, BigDecimal price, Instant createdAt) {}

    private static final Item WIDGET = new Item(
            UUID.fromString("0b7e1f3c-5d2a-4c8e-9f10-2a3b4c5d6e7f"),
            "Widget",
            new BigDecimal("19.90"),
            Instant.parse("2026-11-27T10:15:30.123456Z"));

    @Test
    void writesThePositionAsTheSortValueAndTheIdInText() {
        assertThat(SortKey.instant("created_at", Item::createdAt, Item::id).write(positionOfWidget()))
                .containsExactly("2026-11-27T10:15:30.123456Z", "0b7e1f3c-5d2a-4c8e-9f10-2a3b4c5d6e7f");
        var byPrice = SortKey.decimal("price", Item::price, Item::id);
        assertThat(byPrice.write(byPrice.positionOf(WIDGET)))
                .containsExactly("19.90", WIDGET.id().toString());
    }

    @Test
    void readsBackWhatItWrote() {
        var byName = SortKey.text("name", Item::name, Item::id).reversed();

        assertThat(byName.read(byName.write(byName.positionOf(WIDGET))))
                .isEqualTo(new Position<>("Widget", WIDGET.id()));
    }

    @Test
    void refusesAPositionOfAnotherShape() {
        var byCreation = SortKey.instant("created_at", Item::createdAt, Item::id);

        for (var written : List.of(
                List.of("Widget", WIDGET.id().toString()),
                List.of("2026-11-27T10:15:30Z", "not-a-uuid"),
                List.of("2026-11-27T10:15:30Z"))) {
            assertThatThrownBy(() -> byCreation.read(written))
                    .as(written.toString())
                    .isInstanceOf(InvalidCursor.class);
        }
    }

    @Test
    void ordersByTheColumnThenTheIdInOneDirection() {
        var byName = SortKey.text("name", Item::name, Item::id);

        assertThat(byName.orderBy()).isEqualTo("name asc, id asc");
        assertThat(byName.after("v", "i")).isEqualTo("(name, id) > (:v, :i)");
        assertThat(byName.reversed().orderBy()).isEqualTo("name desc, id desc");
        assertThat(byName.reversed().after("v", "i")).isEqualTo("(name, id) < (:v, :i)");
    }

    private static Position<Instant> positionOfWidget() {
        return new Position<>(WIDGET.createdAt(), WIDGET.id());
    }
}
