package dev.stockroom;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

class ModularityTest {

    @Test
    void moduleBoundariesHold() {
        ApplicationModules.of(StockroomApplication.class).verify();
    }
}
