package dev.stockroom.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Our signatures against the Standard Webhooks reference implementation, not against our own code. */
class SignaturesTest {

    private static final String BODY = "{\"type\":\"order.placed\",\"data\":{\"id\":\"42\"}}";

    @Test
    void secretsAreWhsecAndThirtyTwoRandomBytes() {
        String secret = Signatures.newSecret();

        assertThat(secret).startsWith("whsec_");
        assertThat(Base64.getDecoder().decode(secret.substring(6))).hasSize(32);
        assertThat(Signatures.newSecret()).isNotEqualTo(secret);
    }

    @Test
    void theReferenceLibraryVerifiesOurSignatureAndSignsTheSame() throws Exception {
        String secret = Signatures.newSecret();
        long timestamp = Instant.now().getEpochSecond();

        String header = Signatures.header(List.of(secret), "msg_1", timestamp, BODY);

        new Webhook(secret).verify(BODY, headers("msg_1", timestamp, header));
        assertThat(header).isEqualTo(new Webhook(secret).sign("msg_1", timestamp, BODY));
    }

    @Test
    void eitherOfTwoSecretsVerifiesAMessageSignedWithBoth() throws Exception {
        String old = Signatures.newSecret();
        String fresh = Signatures.newSecret();
        long timestamp = Instant.now().getEpochSecond();

        String header = Signatures.header(List.of(fresh, old), "msg_2", timestamp, BODY);

        assertThat(header.split(" ")).hasSize(2);
        new Webhook(old).verify(BODY, headers("msg_2", timestamp, header));
        new Webhook(fresh).verify(BODY, headers("msg_2", timestamp, header));
        assertThatThrownBy(() -> new Webhook(Signatures.newSecret()).verify(BODY, headers("msg_2", timestamp, header)))
                .isInstanceOf(WebhookVerificationException.class);
        assertThatThrownBy(() -> new Webhook(old).verify(BODY + " ", headers("msg_2", timestamp, header)))
                .isInstanceOf(WebhookVerificationException.class);
    }

    private static Map<String, List<String>> headers(String id, long timestamp, String signature) {
        return Map.of(
                "webhook-id", List.of(id),
                "webhook-timestamp", List.of(Long.toString(timestamp)),
                "webhook-signature", List.of(signature));
    }
}
