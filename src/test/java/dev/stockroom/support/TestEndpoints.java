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

    public static final String SECRET = "select password_hash from secret_table";

    @GetMapping("/test/boom")
    String boom() {
        throw new IllegalStateException("Database said: " + SECRET);
    }

    @GetMapping("/test/slow")
    String slow(@RequestParam long millis) throws InterruptedException {
        log.info("Slow request started, will take {} ms", millis);
        Thread.sleep(millis);
        return "done";
    }
}
