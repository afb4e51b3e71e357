package dev.stockroom.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PrivateKeyProtectionTest {

    private static final byte[] KEY = "pretend this is a PKCS#8 private key".getBytes(StandardCharsets.UTF_8);

    @Test
    void encryptsAndDecryptsWithTheSecret() {
        var protection = new PrivateKeyProtection("a secret");

        byte[] stored = protection.protect(KEY);

        assertThat(PrivateKeyProtection.isProtected(stored)).isTrue();
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("PKCS#8");
        assertThat(protection.reveal(stored)).isEqualTo(KEY);
        assertThat(protection.protect(KEY)).as("a fresh IV every time").isNotEqualTo(stored);
    }

    @Test
    void refusesToDecryptWithAnotherSecretOrNone() {
        byte[] stored = new PrivateKeyProtection("a secret").protect(KEY);

        assertThatThrownBy(() -> new PrivateKeyProtection("another").reveal(stored))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new PrivateKeyProtection("").reveal(stored))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("STOCKROOM_SIGNING_KEY_SECRET");
    }

    @Test
    void withoutASecretKeysAreStoredAsTheyAreAndOldPlainKeysStayReadable() {
        assertThat(new PrivateKeyProtection("").protect(KEY)).isEqualTo(KEY);
        assertThat(new PrivateKeyProtection("a secret").reveal(KEY)).isEqualTo(KEY);
    }
}
