package dev.stockroom.customers;

import dev.stockroom.shared.DuplicateEmail;
import dev.stockroom.shared.paging.Conditions;
import dev.stockroom.shared.paging.KeysetPages;
import dev.stockroom.shared.paging.Page;
import dev.stockroom.shared.paging.SortKey;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Customers in PostgreSQL, one statement per operation. */
@Repository
class CustomerRepository {

    private static final String COLUMNS = "id, name, email, phone, address_line1, address_line2, address_line3,"
            + " address_city, address_postal_code, address_country, version, created_at, updated_at";

    private static final SortKey<Customer, Instant> BY_CREATION = SortKey.instant(
            "created_at", Customer::createdAt, customer -> customer.id().value());

    private final JdbcClient jdbc;
    private final KeysetPages pages;

    CustomerRepository(JdbcClient jdbc, KeysetPages pages) {
        this.jdbc = jdbc;
        this.pages = pages;
    }

    void insert(Customer customer) {
        try {
            jdbc.sql("insert into customer (" + COLUMNS + ") values (:id, :name, :email, :phone, :line1, :line2,"
                            + " :line3, :city, :postalCode, :country, :version, :createdAt, :updatedAt)")
                    .params(parameters(customer))
                    .update();
        } catch (DuplicateKeyException e) {
            throw DuplicateEmail.ofCustomer(customer.email());
        }
    }

    void update(Customer customer) {
        try {
            jdbc.sql("""
                            update customer set name = :name, email = :email, phone = :phone,
                                address_line1 = :line1, address_line2 = :line2, address_line3 = :line3,
                                address_city = :city, address_postal_code = :postalCode, address_country = :country,
                                version = :version, updated_at = :updatedAt
                            where id = :id
                            """).params(parameters(customer)).update();
        } catch (DuplicateKeyException e) {
            throw DuplicateEmail.ofCustomer(customer.email());
        }
    }

    void delete(CustomerId id) {
        try {
            jdbc.sql("delete from customer where id = :id")
                    .param("id", id.value())
                    .update();
        } catch (DataIntegrityViolationException e) {
            throw CustomerHasOrders.withId(id);
        }
    }

    Optional<Customer> findById(CustomerId id) {
        return jdbc.sql("select " + COLUMNS + " from customer where id = :id")
                .param("id", id.value())
                .query(CustomerRepository::customer)
                .optional();
    }

    Optional<Customer> findByIdForUpdate(CustomerId id) {
        return jdbc.sql("select " + COLUMNS + " from customer where id = :id for update")
                .param("id", id.value())
                .query(CustomerRepository::customer)
                .optional();
    }

    /** The customers with these ids that exist, in one statement. */
    Map<CustomerId, Customer> findAll(Collection<CustomerId> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        var found = new HashMap<CustomerId, Customer>();
        jdbc.sql("select " + COLUMNS + " from customer where id in (:ids)")
                .param("ids", ids.stream().map(CustomerId::value).toList())
                .query(CustomerRepository::customer)
                .list()
                .forEach(customer -> found.put(customer.id(), customer));
        return found;
    }

    boolean exists(CustomerId id) {
        return jdbc.sql("select exists (select 1 from customer where id = :id)")
                .param("id", id.value())
                .query(Boolean.class)
                .single();
    }

    /** One page of customers in creation order; a customer's caller ({@code only}) sees only itself. */
    Page<Customer> page(CustomerSearch search, @Nullable UUID only) {
        var where = new Conditions().containing(search.q(), "name", "email");
        where.addIfPresent("id = :only", "only", only);
        return pages.read(
                search, "select " + COLUMNS + " from customer", where, BY_CREATION, CustomerRepository::customer);
    }

    private static Map<String, Object> parameters(Customer customer) {
        var params = new HashMap<String, Object>();
        var address = customer.shippingAddress();
        var lines = address.lines();
        params.put("id", customer.id().value());
        params.put("name", customer.name());
        params.put("email", customer.email());
        params.put("phone", customer.phone());
        params.put("line1", lines.get(0));
        params.put("line2", lines.size() > 1 ? lines.get(1) : null);
        params.put("line3", lines.size() > 2 ? lines.get(2) : null);
        params.put("city", address.city());
        params.put("postalCode", address.postalCode());
        params.put("country", address.country());
        params.put("version", customer.version());
        params.put("createdAt", customer.createdAt().atOffset(ZoneOffset.UTC));
        params.put("updatedAt", customer.updatedAt().atOffset(ZoneOffset.UTC));
        return params;
    }

    private static Customer customer(ResultSet rs, int row) throws SQLException {
        var lines = new ArrayList<String>();
        for (String column : List.of("address_line1", "address_line2", "address_line3")) {
            String line = rs.getString(column);
            if (line != null) {
                lines.add(line);
            }
        }
        return Customer.restore(
                new CustomerId(rs.getObject("id", UUID.class)),
                rs.getString("name"),
                rs.getString("email"),
                rs.getString("phone"),
                new ShippingAddress(
                        lines,
                        rs.getString("address_city"),
                        rs.getString("address_postal_code"),
                        rs.getString("address_country")),
                rs.getLong("version"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }
}
