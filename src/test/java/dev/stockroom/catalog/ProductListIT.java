package dev.stockroom.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.support.Api;
import dev.stockroom.support.ApiTest;
import dev.stockroom.support.ProductData;
import dev.stockroom.support.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

@ApiTest
class ProductListIT {

    private static final Pattern NEXT_LINK = Pattern.compile("<([^>]+)>; rel=\"next\"");

    @Autowired
    Api api;

    String token;

    @BeforeEach
    void setUp() {
        token = "tok" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    @Test
    void listAnswersDataAndNextCursorWithALinkHeader() {
        createProducts(3);

        var page = api.get("/v1/products?limit=2&q=" + token).send();

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.json().get("data").size()).isEqualTo(2);
        String cursor = page.at("/next_cursor");
        assertThat(cursor).isNotBlank();
        var link = NEXT_LINK.matcher(String.valueOf(page.header("Link")));
        assertThat(link.matches()).isTrue();
        assertThat(link.group(1)).contains("cursor=").contains("q=" + token).contains("limit=2");

        var last = api.get(link.group(1)).send();
        assertThat(last.json().get("data").size()).isEqualTo(1);
        assertThat(last.json().get("next_cursor").isNull()).isTrue();
        assertThat(last.header("Link")).isNull();
    }

    @Test
    void defaultLimitIsTwenty() {
        createProducts(21);

        var page = api.get("/v1/products?q=" + token).send();

        assertThat(page.json().get("data").size()).isEqualTo(20);
        assertThat(page.json().get("next_cursor").isNull()).isFalse();
    }

    @Test
    void pagingYieldsEveryProductExactlyOnceInEverySortOrder() {
        var ids = createProducts(23);

        for (String sort : List.of("name", "-name", "price", "-price", "created_at", "-created_at")) {
            var seen = pageThrough("/v1/products?limit=5&sort=" + sort + "&q=" + token);

            assertThat(seen).as(sort).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(ids);
        }
    }

    @Test
    void sortOrdersAreHonoured() {
        createProducts(6);

        assertThat(values("/v1/products?limit=100&sort=price&q=" + token, "price"))
                .isSortedAccordingTo((a, b) -> new java.math.BigDecimal(a).compareTo(new java.math.BigDecimal(b)));
        assertThat(values("/v1/products?limit=100&sort=-name&q=" + token, "name"))
                .isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(values("/v1/products?limit=100&sort=created_at&q=" + token, "created_at"))
                .isSorted();
    }

    @Test
    void pagingYieldsEveryProductExactlyOnceWhileOthersAreInserted() throws Exception {
        var existing = createProducts(40);
        var inserting = new AtomicBoolean(true);
        var inserted = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < 40 && inserting.get(); i++) {
                ProductData.create(api, ProductData.aProduct(token + " late " + UUID.randomUUID(), "1.50", 1));
            }
        });

        var seen = new ArrayList<String>();
        for (String sort : List.of("created_at", "name", "-price")) {
            seen.clear();
            seen.addAll(pageThrough("/v1/products?limit=3&sort=" + sort + "&q=" + token));
            assertThat(seen).as(sort).doesNotHaveDuplicates().containsAll(existing);
        }
        inserting.set(false);
        inserted.get();
    }

    @Test
    void filtersByQueryStockAndPrice() {
        String cheap = ProductData.create(api, ProductData.aProduct(token + " Cheap", "1.00", 0));
        String mid = ProductData.create(api, ProductData.aProduct(token + " Mid", "10.00", 5));
        String dear = ProductData.create(api, ProductData.aProduct(token + " Dear", "100.00", 5));

        assertThat(ids("/v1/products?q=" + token.toUpperCase())).containsExactlyInAnyOrder(cheap, mid, dear);
        assertThat(ids("/v1/products?in_stock=true&q=" + token)).containsExactlyInAnyOrder(mid, dear);
        assertThat(ids("/v1/products?in_stock=false&q=" + token)).containsExactly(cheap);
        assertThat(ids("/v1/products?min_price=10&q=" + token)).containsExactlyInAnyOrder(mid, dear);
        assertThat(ids("/v1/products?max_price=10.00&q=" + token)).containsExactlyInAnyOrder(cheap, mid);
        assertThat(ids("/v1/products?min_price=5&max_price=50&q=" + token)).containsExactly(mid);
    }

    @Test
    void queryMatchesTheSkuAndTreatsWildcardsLiterally() {
        var body = ProductData.aProduct("Plain name", "2.00", 1);
        String id = ProductData.create(api, body);
        String sku = (String) body.get("sku");

        assertThat(ids("/v1/products?q=" + sku.toLowerCase())).containsExactly(id);
        assertThat(ids("/v1/products?limit=100&q=" + encode(token + "%"))).isEmpty();
    }

    @Test
    void outOfRangeLimitUnknownSortAndBadFiltersAreRefused() {
        for (String query : List.of(
                "limit=0", "limit=101", "limit=ten", "sort=stock", "sort=NAME", "in_stock=maybe", "min_price=cheap")) {
            var refused = api.get("/v1/products?" + query).send();

            assertThat(refused.status()).as(query).isEqualTo(422);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.at("/errors/0/parameter")).as(query).isNotBlank();
        }
    }

    @Test
    void everyInvalidParameterIsListedAtOnce() {
        var refused = api.get("/v1/products?limit=500&sort=sideways").send();

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("errors").findValuesAsString("parameter"))
                .containsExactlyInAnyOrder("limit", "sort");
    }

    @Test
    void tamperedCursorIsRefused() {
        createProducts(3);
        String cursor = api.get("/v1/products?limit=1&q=" + token).send().at("/next_cursor");
        String tampered = (cursor.charAt(0) == 'A' ? 'B' : 'A') + cursor.substring(1);

        for (String bad : List.of(tampered, "garbage", cursor + "x", "a.b")) {
            var refused = api.get("/v1/products?limit=1&q=" + token + "&cursor=" + encode(bad))
                    .send();

            assertThat(refused.status()).as(bad).isEqualTo(422);
            assertThat(refused.at("/type")).isEqualTo("https://stockroom.dev/problems/invalid-cursor");
            assertThat(refused.at("/errors/0/parameter")).isEqualTo("cursor");
        }
    }

    @Test
    void cursorOfAnotherQueryIsRefused() {
        createProducts(3);
        String cursor = api.get("/v1/products?limit=1&q=" + token).send().at("/next_cursor");

        var refused = api.get("/v1/products?limit=1&sort=-name&q=" + token + "&cursor=" + encode(cursor))
                .send();

        assertThat(refused.status()).isEqualTo(422);
    }

    private List<String> createProducts(int count) {
        var ids = new ArrayList<String>();
        for (int i = 0; i < count; i++) {
            String price = "%d.%02d".formatted(1 + (i * 7) % 13, (i * 37) % 100);
            ids.add(ProductData.create(api, ProductData.aProduct(token + " " + UUID.randomUUID(), price, i % 3)));
        }
        return ids;
    }

    private List<String> pageThrough(String first) {
        var seen = new ArrayList<String>();
        String next = first;
        var cursors = new HashSet<String>();
        while (next != null) {
            Response page = api.get(next).send();
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            page.json().get("data").forEach(item -> seen.add(item.get("id").asString()));
            JsonNode cursor = page.json().get("next_cursor");
            if (cursor.isNull()) {
                next = null;
            } else {
                assertThat(cursors.add(cursor.asString())).isTrue();
                var link = NEXT_LINK.matcher(String.valueOf(page.header("Link")));
                assertThat(link.matches()).isTrue();
                next = link.group(1);
            }
        }
        return seen;
    }

    private List<String> ids(String path) {
        return values(path, "id");
    }

    private List<String> values(String path, String field) {
        var response = api.get(path).send();
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        var values = new ArrayList<String>();
        response.json().get("data").forEach(item -> values.add(item.get(field).asString()));
        return values;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
