package dev.stockroom.ordering;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.support.Api;
import dev.stockroom.support.ApiTest;
import dev.stockroom.support.CustomerData;
import dev.stockroom.support.ProductData;
import dev.stockroom.support.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Two partner clients, each bound to its own customer, against every customer and order operation: each sees and
 * acts on only its own customer's data, and the other's answers 404 with none of its data.
 */
@ApiTest
class ObjectLevelAuthorizationIT {

    private static final List<String> PARTNER_SCOPES =
            List.of("customers:read", "customers:write", "orders:read", "orders:write", "products:read");

    @Autowired
    Api admin;

    String acme;
    String globex;
    Api acmePartner;
    Api globexPartner;
    String product;

    @BeforeEach
    void setUp() {
        acme = CustomerData.create(admin);
        globex = CustomerData.create(admin);
        acmePartner = CustomerData.partnerOf(admin, acme, PARTNER_SCOPES);
        globexPartner = CustomerData.partnerOf(admin, globex, PARTNER_SCOPES);
        product = ProductData.create(admin, ProductData.aProduct("Shared stock", "5.00", 100));
    }

    @Test
    void aPartnerSeesOnlyItsOwnCustomer() {
        assertThat(acmePartner.get("/v1/customers/" + acme).send().status()).isEqualTo(200);
        assertNotFound(acmePartner.get("/v1/customers/" + globex).send(), globex);

        var list = acmePartner.get("/v1/customers?limit=100").send();
        assertThat(list.json().get("data").findValuesAsString("id")).containsExactly(acme);
    }

    @Test
    void aPartnerMayChangeOnlyItsOwnCustomerAndNeitherCreateNorDeleteCustomers() {
        assertThat(acmePartner
                        .patch("/v1/customers/" + acme, Map.of("phone", "+1 555 0100"))
                        .send()
                        .status())
                .isEqualTo(200);
        assertNotFound(
                acmePartner
                        .patch("/v1/customers/" + globex, Map.of("phone", "+1 555 0199"))
                        .send(),
                globex);
        assertNotFound(acmePartner.delete("/v1/customers/" + globex).send(), globex);

        assertThat(acmePartner
                        .post("/v1/customers", CustomerData.aCustomer())
                        .send()
                        .status())
                .isEqualTo(403);
        assertThat(acmePartner.delete("/v1/customers/" + acme).send().status()).isEqualTo(403);
        assertThat(admin.get("/v1/customers/" + globex).send().at("/phone")).isEqualTo("+44 20 7946 0018");
    }

    @Test
    void aPartnerOrdersOnlyForItsOwnCustomer() {
        assertThat(place(acmePartner, acme).status()).isEqualTo(201);

        var forOther = place(acmePartner, globex);

        assertThat(forOther.status()).isEqualTo(422);
        assertThat(forOther.at("/errors/0/pointer")).isEqualTo("/customer_id");
        assertThat(admin.get("/v1/orders?customer_id=" + globex)
                        .send()
                        .json()
                        .get("data")
                        .size())
                .isZero();
    }

    @Test
    void aPartnerSeesAndCancelsOnlyItsOwnOrders() {
        String acmeOrder = place(admin, acme).at("/id");
        String globexOrder = place(admin, globex).at("/id");

        assertThat(acmePartner.get("/v1/orders/" + acmeOrder).send().status()).isEqualTo(200);
        assertNotFound(acmePartner.get("/v1/orders/" + globexOrder).send(), globexOrder);
        assertNotFound(
                acmePartner.post("/v1/orders/" + globexOrder + "/cancel", "").send(), globexOrder);
        assertThat(admin.get("/v1/orders/" + globexOrder).send().at("/status")).isEqualTo("pending");

        assertThat(acmePartner
                        .post("/v1/orders/" + acmeOrder + "/cancel", "")
                        .send()
                        .status())
                .isEqualTo(200);
    }

    @Test
    void listsAreSilentlyRestrictedToThePartnersCustomer() {
        String acmeOrder = place(admin, acme).at("/id");
        place(admin, globex);

        var own = acmePartner.get("/v1/orders?limit=100").send();
        assertThat(own.json().get("data").findValuesAsString("id")).containsExactly(acmeOrder);
        var asked =
                acmePartner.get("/v1/orders?limit=100&customer_id=" + globex).send();
        assertThat(asked.status()).isEqualTo(200);
        assertThat(asked.json().get("data").size()).isZero();
    }

    @Test
    void onlyUnboundPrincipalsConfirmShipAndDeliver() {
        String acmeOrder = place(admin, acme).at("/id");
        String globexOrder = place(admin, globex).at("/id");

        for (String action : List.of("confirm", "ship", "deliver")) {
            assertThat(acmePartner
                            .post("/v1/orders/" + acmeOrder + "/" + action, "")
                            .send()
                            .status())
                    .as(action)
                    .isEqualTo(403);
            assertNotFound(
                    acmePartner
                            .post("/v1/orders/" + globexOrder + "/" + action, "")
                            .send(),
                    globexOrder);
        }
        assertThat(admin.post("/v1/orders/" + acmeOrder + "/confirm", "").send().status())
                .isEqualTo(200);
    }

    @Test
    void aPartnerSeesStatusAndTimeOfStaffStepsButNeitherStaffIdsNorTheirReasons() {
        String order = place(admin, acme).at("/id");
        String staffReason = "Credit check by Jane: the customer paid late twice";
        admin.post("/v1/orders/" + order + "/confirm", Map.of("reason", staffReason))
                .send();
        acmePartner
                .post("/v1/orders/" + order + "/cancel", Map.of("reason", "ordered twice by mistake"))
                .send();

        var seenByPartner = acmePartner.get("/v1/orders/" + order).send();
        var listedForPartner = acmePartner.get("/v1/orders?limit=100").send();
        var seenByStaff = admin.get("/v1/orders/" + order).send();

        assertThat(seenByPartner.status()).isEqualTo(200);
        assertThat(seenByPartner.json().get("status_history").findValuesAsString("status"))
                .containsExactly("pending", "confirmed", "cancelled");
        assertThat(seenByPartner.json().at("/status_history/1/at").isString()).isTrue();
        for (var body : List.of(seenByPartner.body(), listedForPartner.body())) {
            assertThat(body).doesNotContain(Api.ADMIN_CLIENT_ID).doesNotContain(staffReason);
        }
        assertThat(seenByPartner.json().at("/status_history/0").has("by")).isFalse();
        assertThat(seenByPartner.json().at("/status_history/1").has("by")).isFalse();
        assertThat(seenByPartner.json().at("/status_history/1").has("reason")).isFalse();
        assertThat(seenByPartner.at("/status_history/2/reason")).isEqualTo("ordered twice by mistake");
        assertThat(seenByPartner.at("/status_history/2/by")).isNotBlank();
        assertThat(seenByStaff.at("/status_history/0/by")).isEqualTo(Api.ADMIN_CLIENT_ID);
        assertThat(seenByStaff.at("/status_history/1/by")).isEqualTo(Api.ADMIN_CLIENT_ID);
        assertThat(seenByStaff.at("/status_history/1/reason")).isEqualTo(staffReason);
        assertThat(seenByStaff.at("/status_history/2/by")).isEqualTo(seenByPartner.at("/status_history/2/by"));
    }

    private Response place(Api caller, String customer) {
        return caller.post(
                        "/v1/orders",
                        Map.of("customer_id", customer, "lines", List.of(Map.of("product_id", product, "quantity", 1))))
                .send();
    }

    private static void assertNotFound(Response response, String id) {
        assertThat(response.status()).as(response.body()).isEqualTo(404);
        assertThat(response.at("/type")).isEqualTo("https://stockroom.dev/problems/not-found");
        assertThat(response.body()).doesNotContain("shipping_address").doesNotContain("email");
        assertThat(response.json().has("status_history")).isFalse();
        assertThat(id).isNotBlank();
    }
}
