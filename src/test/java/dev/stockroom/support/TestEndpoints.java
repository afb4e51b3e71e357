package dev.stockroom.support;

import io.swagger.v3.oas.annotations.Hidden;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Endpoints that exist only in tests, to provoke what real endpoints must never do on purpose. */
@Hidden
@RestController
public class TestEndpoints {

    private static final Logger log = LoggerFactory.getLogger(TestEndpoints.class);

    private final org.springframework.context.ApplicationEventPublisher events;
    private final dev.stockroom.catalog.Catalog catalog;

    TestEndpoints(org.springframework.context.ApplicationEventPublisher events, dev.stockroom.catalog.Catalog catalog) {
        this.events = events;
        this.catalog = catalog;
    }

    /** Adds a product in a transaction that then fails: nothing of it may remain, nor be sent anywhere. */
    @org.springframework.web.bind.annotation.PostMapping("/test/product-then-fail")
    @org.springframework.transaction.annotation.Transactional
    public String productThenFail(
            @org.springframework.web.bind.annotation.RequestBody java.util.Map<String, Object> body) {
        catalog.add(new dev.stockroom.catalog.NewProduct(
                new dev.stockroom.catalog.domain.Sku(String.valueOf(body.get("sku"))),
                String.valueOf(body.get("name")),
                null,
                dev.stockroom.catalog.domain.Price.of(String.valueOf(body.get("price"))),
                1,
                0));
        throw new IllegalStateException("failing after the change");
    }

    public static final String SECRET = "select password_hash from secret_table";

    @GetMapping("/test/boom")
    String boom() {
        throw new IllegalStateException("Database said: " + SECRET);
    }

    /** Publishes an audited change in a transaction, then fails or not: a failed one must leave no record. */
    @org.springframework.web.bind.annotation.PostMapping("/test/audited/{id}")
    @org.springframework.transaction.annotation.Transactional
    public String audited(@org.springframework.web.bind.annotation.PathVariable String id, @RequestParam boolean fail) {
        events.publishEvent(new TestChanged(id));
        if (fail) {
            throw new IllegalStateException("failing after the change");
        }
        return "ok";
    }

    /** Who the service thinks is calling, after Tomcat has applied (or ignored) the X-Forwarded-* headers. */
    @GetMapping("/test/caller")
    java.util.Map<String, Object> caller(jakarta.servlet.http.HttpServletRequest request) {
        return java.util.Map.of("remote_address", request.getRemoteAddr(), "secure", request.isSecure());
    }

    @GetMapping("/test/slow")
    String slow(@RequestParam long millis) throws InterruptedException {
        log.info("Slow request started, will take {} ms", millis);
        Thread.sleep(millis);
        return "done";
    }

    /** A change of a resource that exists only in tests. */
    record TestChanged(String resourceId) implements dev.stockroom.shared.audit.AuditableEvent {

        @Override
        public String action() {
            return "test.changed";
        }

        @Override
        public String resourceType() {
            return "test";
        }

        @Override
        public java.util.Map<String, Change> changes() {
            return java.util.Map.of("value", new Change(1, 2));
        }
    }
}
