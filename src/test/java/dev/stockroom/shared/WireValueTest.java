package dev.stockroom.shared;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.catalog.ProductSort;
import dev.stockroom.identity.Role;
import dev.stockroom.ordering.OrderStatus;
import org.junit.jupiter.api.Test;

class WireValueTest {

    @Test
    void patternsAreTakenFromTheEnums() {
        assertThat(WireValue.pattern(OrderStatus.class)).isEqualTo("pending|confirmed|shipped|delivered|cancelled");
        assertThat(WireValue.pattern(Role.class)).isEqualTo("admin|catalog_manager|support|viewer");
        assertThat(WireValue.pattern(ProductSort.class)).isEqualTo("-?(name|price|created_at)");
    }

    @Test
    void parsingKnowsOnlyWireNames() {
        assertThat(WireValue.parse(ProductSort.class, "-price")).contains(ProductSort.PRICE_DESC);
        assertThat(WireValue.parse(ProductSort.class, "PRICE_DESC")).isEmpty();
        assertThat(WireValue.allowed(Role.class)).isEqualTo("admin, catalog_manager, support, viewer");
    }
}
