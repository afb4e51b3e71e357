package dev.stockroom.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.identity.authorization.OAuthProperties;
import dev.stockroom.support.ApiTest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two instances' views of the signing keys, on one database and a clock that stands still, so no scheduled
 * re-read can hide a missing one: a key rotated on one instance is known to the other at its first token.
 */
@ApiTest
class SigningKeysIT {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    OAuthProperties properties;

    @Autowired
    ApplicationEventPublisher events;

    @Test
    void aKeyRotatedElsewhereIsFoundAtOnceEvenRightAfterTheKeysWereRead() {
        var clock = Clock.fixed(Instant.now(), ZoneOffset.UTC);
        var rotating = new SigningKeys(jdbc, transactions, clock, properties, events);
        var other = new SigningKeys(jdbc, transactions, clock, properties, events);
        other.verification();

        String kid = rotating.rotate().kid();

        assertThat(other.verification(kid).getKeyByKeyId(kid)).isNotNull();
    }

    @Test
    void aKeyNobodyHasIsLookedForAndNotFound() {
        var clock = Clock.fixed(Instant.now(), ZoneOffset.UTC);
        var keys = new SigningKeys(jdbc, transactions, clock, properties, events);

        assertThat(keys.verification("no-such-key").getKeyByKeyId("no-such-key"))
                .isNull();
        assertThat(keys.verification().getKeys()).isNotEmpty();
    }
}
