package dev.stockroom.shared.idempotency;

import org.springframework.scheduling.annotation.Scheduled;

/** Deletes stored responses past their retention; every instance may run it. */
final class ExpiredKeysCleanup {

    private final IdempotencyStore store;

    ExpiredKeysCleanup(IdempotencyStore store) {
        this.store = store;
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    void deleteExpired() {
        store.deleteExpired();
    }
}
