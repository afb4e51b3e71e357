package dev.stockroom;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.support.Api;
import dev.stockroom.support.ApiTest;
import dev.stockroom.support.Browser;
import dev.stockroom.support.CustomerData;
import dev.stockroom.support.OrderData;
import dev.stockroom.support.ProductData;
import dev.stockroom.support.Scrape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;

/**
 * The metrics as Prometheus sees them: scraped from the management port after exercising the API, they count
 * what happened, name routes rather than paths, carry no unbounded label, and include every series the Grafana
 * dashboard and the alerting rules use; the main port serves none of it.
 */
@ApiTest
class MetricsIT {

    static final Path DASHBOARD = Path.of("deploy", "grafana", "stockroom.json");
    static final Path ALERTS = Path.of("deploy", "prometheus", "alerts.yml");

    /** Metric names in PromQL, crudely: identifiers with the prefixes of the series this service exports. */
    static final Pattern METRIC = Pattern.compile("\\b(?:stockroom|http_server_requests|hikaricp|jvm|process|system"
            + "|executor|tomcat|application)_[a-z0-9_]*[a-z0-9]\\b");

    static final Pattern UUID_LIKE =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    @Test
    void businessCountersCountWhatHappened() {
        String customer = CustomerData.create(api);
        String product = ProductData.create(api, ProductData.aProduct("Metered", "2.50", 5));
        var before = Scrape.of(api);

        assertThat(api.post("/v1/products/" + product + "/stock-adjustments", Map.of("delta", 3, "reason", "restock"))
                        .send()
                        .status())
                .isEqualTo(201);
        assertThat(api.post("/v1/products/" + product + "/stock-adjustments", Map.of("delta", -1, "reason", "broken"))
                        .send()
                        .status())
                .isEqualTo(201);
        assertThat(api.post("/v1/products/" + product + "/stock-adjustments", Map.of("delta", -100, "reason", "no"))
                        .send()
                        .status())
                .isEqualTo(409);
        String order = OrderData.place(api, customer, product, 2);
        assertThat(api.post("/v1/orders", OrderData.anOrder(customer, product, 1000))
                        .send()
                        .status())
                .isEqualTo(409);
        assertThat(api.post(
                                "/v1/orders",
                                OrderData.anOrder(customer, UUID.randomUUID().toString(), 1))
                        .send()
                        .status())
                .isEqualTo(422);
        assertThat(api.post("/v1/orders/" + order + "/cancel", Map.of("reason", "changed my mind"))
                        .send()
                        .status())
                .isEqualTo(200);
        String key = UUID.randomUUID().toString();
        var body = ProductData.aWidget();
        api.post("/v1/products", body).header("Idempotency-Key", key).send();
        var replayed =
                api.post("/v1/products", body).header("Idempotency-Key", key).send();
        assertThat(replayed.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(api.anonymous()
                        .tokenRequest("ghost-" + UUID.randomUUID(), "wrong", "grant_type=client_credentials")
                        .status())
                .isEqualTo(401);
        assertThat(api.withToken("not.a.token").get("/v1/products").send().status())
                .isEqualTo(401);
        new Browser(api.port()).logIn("nobody-" + UUID.randomUUID() + "@example.com", "not the password at all");

        var after = Scrape.of(api);
        assertThat(increase(before, after, "stockroom_stock_adjustments_total", "direction", "in"))
                .isEqualTo(1);
        assertThat(increase(before, after, "stockroom_stock_adjustments_total", "direction", "out"))
                .isEqualTo(1);
        assertThat(increase(before, after, "stockroom_orders_placed_total")).isEqualTo(1);
        assertThat(increase(before, after, "stockroom_orders_cancelled_total")).isEqualTo(1);
        assertThat(increase(before, after, "stockroom_orders_refused_total", "reason", "insufficient_stock"))
                .isEqualTo(1);
        assertThat(increase(before, after, "stockroom_orders_refused_total", "reason", "invalid_request"))
                .isEqualTo(1);
        assertThat(increase(before, after, "stockroom_idempotency_replays_total"))
                .isEqualTo(1);
        var authFailures = new java.util.TreeMap<String, Double>();
        for (String reason : after.labelValues("stockroom_auth_failures_total", "reason")) {
            authFailures.put(reason, increase(before, after, "stockroom_auth_failures_total", "reason", reason));
        }
        assertThat(authFailures)
                .containsEntry("invalid_client", 1.0)
                .containsEntry("invalid_token", 1.0)
                .containsEntry("bad_credentials", 1.0)
                .containsEntry("other", 0.0);
        assertThat(increase(before, after, "stockroom_auth_failures_total")).isEqualTo(3);
    }

    @Test
    void everySeriesTheDashboardAndTheAlertsUseIsExported() throws IOException {
        api.get("/v1/products?limit=1").send();
        aGarbageCollectionHappened();
        var exported = Scrape.of(api).names();

        var used = new TreeSet<String>();
        for (String expression : dashboardExpressions()) {
            used.addAll(metricsIn(expression));
        }
        int fromDashboard = used.size();
        for (String expression : alertExpressions()) {
            used.addAll(metricsIn(expression));
        }

        assertThat(fromDashboard).isGreaterThan(10);
        assertThat(used).contains("http_server_requests_seconds_bucket", "stockroom_webhooks_backlog");
        assertThat(exported).containsAll(used);
    }

    @Test
    void poolProcessAndBusinessSeriesExistFromTheStart() {
        aGarbageCollectionHappened();
        var exported = Scrape.of(api).names();

        assertThat(exported)
                .contains(
                        "hikaricp_connections_active",
                        "hikaricp_connections_pending",
                        "hikaricp_connections_max",
                        "hikaricp_connections_timeout_total",
                        "jvm_memory_used_bytes",
                        "jvm_threads_live_threads",
                        "jvm_gc_pause_seconds_count",
                        "process_cpu_usage",
                        "process_uptime_seconds",
                        "stockroom_webhooks_deliveries_total",
                        "stockroom_webhooks_backlog",
                        "stockroom_webhooks_lag_seconds");
        assertThat(Scrape.of(api).labelValues("stockroom_webhooks_deliveries_total", "outcome"))
                .containsExactlyInAnyOrder("succeeded", "retried", "failed", "dead", "disabled");
    }

    @Test
    void requestMetricsNameTheRouteTemplateAndUnmatchedPathsShareOneSeries() {
        Scrape.of(api); // a scrape may be the first request of its kind, and so add a series itself
        String customer = CustomerData.create(api);
        String product = ProductData.create(api, ProductData.aWidget());
        String order = OrderData.place(api, customer, product, 1);
        assertThat(api.get("/v1/orders/" + order).send().status()).isEqualTo(200);
        assertThat(api.get("/v1/products/" + UUID.randomUUID()).send().status()).isEqualTo(404);
        assertThat(dev.stockroom.support.GraphQl.query(api, "{ me { subject } }")
                        .status())
                .isEqualTo(200);
        api.get("/v1/nothing/" + UUID.randomUUID()).send();
        api.anonymous().get("/nothing-" + UUID.randomUUID()).send();
        api.anonymous().get("/v1/orders/" + UUID.randomUUID()).send();
        var routes = Scrape.of(api).labelValues("http_server_requests_seconds_count", "uri");

        for (int i = 0; i < 20; i++) {
            api.get("/v1/nothing/" + UUID.randomUUID()).send();
            api.anonymous().get("/nothing-" + UUID.randomUUID() + "?q=" + i).send();
            api.anonymous().get("/v1/orders/" + UUID.randomUUID()).send();
        }
        var scrape = Scrape.of(api);

        var uris = scrape.labelValues("http_server_requests_seconds_count", "uri");
        assertThat(uris).contains("/v1/orders/{id}", "/v1/products/{id}", "/v1/orders", "/graphql");
        assertThat(uris).isEqualTo(routes);
        assertThat(uris).allSatisfy(uri -> assertThat(uri).doesNotContain("nothing"));
        var unbounded = new ArrayList<String>();
        for (var sample : scrape.samples()) {
            sample.labels().forEach((label, value) -> {
                if (UUID_LIKE.matcher(value).find() || value.contains("@")) {
                    unbounded.add(sample.name() + "{" + label + "=" + value + "}");
                }
            });
        }
        assertThat(unbounded).isEmpty();
    }

    @Test
    void theBacklogCountsPendingDeliveries() throws InterruptedException {
        UUID subscription = UUID.randomUUID();
        var now = OffsetDateTime.now(ZoneOffset.UTC);
        // Held back by an open breaker, so no worker of another test context claims it meanwhile.
        jdbc.sql("""
                        insert into webhook_subscription (id, url, event_types, enabled, owner, secret,
                            breaker_open_until, version, created_at, updated_at)
                        values (:id, 'https://receiver.example/hook', array['*'], true, 'metrics-test', 'x'::bytea,
                            :far, 1, :now, :now)""")
                .param("id", subscription)
                .param("far", now.plusDays(1))
                .param("now", now)
                .update();
        try {
            double before = backlog();
            for (int i = 0; i < 3; i++) {
                jdbc.sql("""
                                insert into webhook_delivery (id, subscription_id, event_type, payload, status,
                                    attempts, next_attempt_at, created_at)
                                values (:id, :subscription, 'product.created', '{}', 'pending', 0, :now, :now)""")
                        .param("id", UUID.randomUUID())
                        .param("subscription", subscription)
                        .param("now", now)
                        .update();
            }

            var deadline = Instant.now().plus(Duration.ofSeconds(15));
            double after = backlog();
            while (after < before + 3 && Instant.now().isBefore(deadline)) {
                Thread.sleep(250);
                after = backlog();
            }
            assertThat(after).isGreaterThanOrEqualTo(before + 3);
            assertThat(Scrape.of(api).value("stockroom_webhooks_lag_seconds")).isGreaterThanOrEqualTo(0);
        } finally {
            jdbc.sql("delete from webhook_subscription where id = :id")
                    .param("id", subscription)
                    .update();
        }
    }

    @Test
    void theMainPortServesNoMetrics() {
        for (String path : List.of("/actuator/prometheus", "/actuator/metrics", "/actuator")) {
            var anonymous = api.anonymous().get(path).header("Accept", "*/*").send();
            var admin = api.get(path).header("Accept", "*/*").send();

            assertThat(anonymous.status()).as(path).isIn(401, 404);
            assertThat(admin.status()).as(path).isEqualTo(404);
            assertThat(anonymous.body() + admin.body()).doesNotContain("# TYPE", "jvm_");
        }
        assertThat(api.management()
                        .get("/actuator/prometheus")
                        .header("Accept", "text/plain")
                        .send()
                        .status())
                .isEqualTo(200);
    }

    /** The GC pause timer appears at the first pause, which a young test JVM may not have had yet. */
    private static void aGarbageCollectionHappened() {
        System.gc();
    }

    private double backlog() {
        return Scrape.of(api).value("stockroom_webhooks_backlog");
    }

    private static double increase(Scrape before, Scrape after, String name, String... labels) {
        return after.value(name, labels) - before.value(name, labels);
    }

    private static Set<String> metricsIn(String expression) {
        var names = new TreeSet<String>();
        var matcher = METRIC.matcher(expression);
        while (matcher.find()) {
            names.add(matcher.group());
        }
        return names;
    }

    private static List<String> dashboardExpressions() throws IOException {
        var expressions = new ArrayList<String>();
        collectExpressions(Api.JSON.readTree(Files.readString(DASHBOARD)), expressions);
        assertThat(expressions).isNotEmpty();
        return expressions;
    }

    private static void collectExpressions(JsonNode node, List<String> into) {
        if (node.isObject()) {
            for (var field : node.properties()) {
                if (field.getKey().equals("expr")
                        || (field.getKey().equals("query") && field.getValue().isString())) {
                    into.add(field.getValue().asString());
                } else {
                    collectExpressions(field.getValue(), into);
                }
            }
        } else if (node.isArray()) {
            node.forEach(element -> collectExpressions(element, into));
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> alertExpressions() throws IOException {
        Map<String, Object> rules = new Yaml().load(Files.readString(ALERTS));
        var expressions = new ArrayList<String>();
        for (var group : (List<Map<String, Object>>) rules.get("groups")) {
            for (var rule : (List<Map<String, Object>>) group.get("rules")) {
                expressions.add(String.valueOf(rule.get("expr")));
            }
        }
        assertThat(expressions).isNotEmpty();
        return expressions;
    }
}
