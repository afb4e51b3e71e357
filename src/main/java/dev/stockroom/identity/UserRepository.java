package dev.stockroom.identity;

import dev.stockroom.shared.paging.Conditions;
import dev.stockroom.shared.paging.KeysetPages;
import dev.stockroom.shared.paging.Page;
import dev.stockroom.shared.paging.SortKey;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** People in PostgreSQL; the password hash never leaves this class except to the password check. */
@Repository
class UserRepository {

    private static final String COLUMNS = "id, email, role, enabled, version, created_at, updated_at";

    private static final SortKey<UserAccount, Instant> BY_CREATION = SortKey.instant(
            "created_at", UserAccount::createdAt, user -> user.id().value());

    private final JdbcClient jdbc;
    private final KeysetPages pages;

    UserRepository(JdbcClient jdbc, KeysetPages pages) {
        this.jdbc = jdbc;
        this.pages = pages;
    }

    /** Inserts unless the email is taken; false when it is. */
    boolean insert(UserAccount user, String passwordHash) {
        return jdbc.sql("""
                        insert into app_user (id, email, password_hash, role, enabled, version, created_at, updated_at)
                        values (:id, :email, :hash, :role, :enabled, :version, :createdAt, :updatedAt)
                        on conflict (email) do nothing
                        """)
                        .param("id", user.id().value())
                        .param("email", user.email())
                        .param("hash", passwordHash)
                        .param("role", user.role().wireValue())
                        .param("enabled", user.enabled())
                        .param("version", user.version())
                        .param("createdAt", timestamp(user.createdAt()))
                        .param("updatedAt", timestamp(user.updatedAt()))
                        .update()
                == 1;
    }

    Optional<UserAccount> findById(UserId id) {
        return jdbc.sql("select " + COLUMNS + " from app_user where id = :id")
                .param("id", id.value())
                .query(UserRepository::user)
                .optional();
    }

    Optional<UserAccount> findByIdForUpdate(UserId id) {
        return jdbc.sql("select " + COLUMNS + " from app_user where id = :id for update")
                .param("id", id.value())
                .query(UserRepository::user)
                .optional();
    }

    /** The account and its password hash, for signing in. */
    Optional<Credentials> findCredentials(String email) {
        return jdbc.sql("select " + COLUMNS + ", password_hash from app_user where email = :email")
                .param("email", email)
                .query((rs, row) -> new Credentials(user(rs, row), rs.getString("password_hash")))
                .optional();
    }

    /** Updates the row; a new email that is taken makes it return false and change nothing. */
    boolean update(UserAccount user, @Nullable String passwordHash) {
        return jdbc.sql("""
                        update app_user
                        set email = :email, role = :role, enabled = :enabled, version = :version,
                            updated_at = :updatedAt, password_hash = coalesce(:hash, password_hash)
                        where id = :id
                          and not exists (select 1 from app_user other where other.email = :email and other.id <> :id)
                        """)
                        .param("id", user.id().value())
                        .param("email", user.email())
                        .param("role", user.role().wireValue())
                        .param("enabled", user.enabled())
                        .param("version", user.version())
                        .param("updatedAt", timestamp(user.updatedAt()))
                        .param("hash", passwordHash)
                        .update()
                == 1;
    }

    boolean delete(UserId id) {
        return jdbc.sql("delete from app_user where id = :id")
                        .param("id", id.value())
                        .update()
                == 1;
    }

    /** One page in creation order. */
    Page<UserAccount> page(UserSearch search) {
        return pages.read(
                search, "select " + COLUMNS + " from app_user", new Conditions(), BY_CREATION, UserRepository::user);
    }

    boolean anyAdmin() {
        return jdbc.sql("select exists (select 1 from app_user where role = 'admin')")
                .query(Boolean.class)
                .single();
    }

    record Credentials(UserAccount user, String passwordHash) {}

    private static OffsetDateTime timestamp(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static UserAccount user(ResultSet rs, int row) throws SQLException {
        return UserAccount.restore(
                new UserId(rs.getObject("id", UUID.class)),
                rs.getString("email"),
                Role.of(rs.getString("role")).orElseThrow(),
                rs.getBoolean("enabled"),
                rs.getLong("version"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }
}
