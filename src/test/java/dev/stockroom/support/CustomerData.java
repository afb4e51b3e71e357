package dev.stockroom.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Request bodies for customers, each with an email nobody else uses. */
public final class CustomerData {

    private CustomerData() {}

    public static Map<String, Object> aCustomer() {
        var body = new LinkedHashMap<String, Object>();
        body.put("name", "Ada " + UUID.randomUUID());
        body.put("email", "ada-" + UUID.randomUUID() + "@example.com");
        body.put("phone", "+44 20 7946 0018");
        body.put(
                "shipping_address",
                Map.of(
                        "lines",
                        List.of("221B Baker Street"),
                        "city",
                        "London",
                        "postal_code",
                        "NW1 6XE",
                        "country",
                        "GB"));
        return body;
    }

    /** Creates the customer and answers its id. */
    public static String create(Api api) {
        var response = api.post("/v1/customers", aCustomer()).send();
        if (response.status() != 201) {
            throw new AssertionError("could not create customer: " + response);
        }
        return response.at("/id");
    }

    /** Registers a client bound to the customer with the given scopes and answers an API acting as it. */
    public static Api partnerOf(Api admin, String customerId, List<String> scopes) {
        var client = admin.post(
                        "/v1/clients",
                        Map.of("name", "Partner of " + customerId, "scopes", scopes, "customer_id", customerId))
                .send();
        if (client.status() != 201) {
            throw new AssertionError("could not register partner: " + client);
        }
        return admin.withToken(
                admin.anonymous().clientToken(client.at("/client_id"), client.at("/client_secret"), null));
    }
}
