package dev.stockroom.shared.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SecretProtectionTest {

    private static final byte[] KEY = "pretend this is a PKCS#8 private key".getBytes(StandardCharsets.UTF_8);

    @Test
    void encryptsAndDecryptsWithTheSecret() {
        var protection = new SecretProtection("a secret");

        byte[] stored = protection.protect(KEY);

        assertThat(SecretProtection.isProtected(stored)).isTrue();
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("PKCS#8");
        assertThat(protection.reveal(stored)).isEqualTo(KEY);
        assertThat(protection.protect(KEY)).as("a fresh IV every time").isNotEqualTo(stored);
    }

    @Test
    void refusesToDecryptWithAnotherSecretOrNone() {
        byte[] stored = new SecretProtection("a secret").protect(KEY);

        assertThatThrownBy(() -> new SecretProtection("another").reveal(stored))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new SecretProtection("").reveal(stored))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("STOCKROOM_SIGNING_KEY_SECRET");
    }

    @Test
    void withoutASecretKeysAreStoredAsTheyAreAndOldPlainKeysStayReadable() {
        assertThat(new SecretProtection("").protect(KEY)).isEqualTo(KEY);
        assertThat(new SecretProtection("a secret").reveal(KEY)).isEqualTo(KEY);
    }
}
