package dev.stockroom.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressTest {

    @Test
    void keepsAPlainAddressAsItIs() {
        assertThat(new EmailAddress("ada@example.com").value()).isEqualTo("ada@example.com");
    }

    @Test
    void lowerCasesTheWholeAddressAndTrimsSurroundingBlanks() {
        assertThat(new EmailAddress("  Ada.Lovelace@Example.COM\t").value()).isEqualTo("ada.lovelace@example.com");
    }

    @Test
    void trimsControlCharactersAtTheEndsLikeTheLoginFormDoes() {
        assertThat(new EmailAddress("ada@example.com\u0001").value()).isEqualTo("ada@example.com");
        assertThat(new EmailAddress("\u0000\u001fada@example.com").value()).isEqualTo("ada@example.com");
    }

    @Test
    void foldsFullWidthCharactersIntoTheirPlainForm() {
        assertThat(new EmailAddress("ａｄｍｉｎ@ｅｘａｍｐｌｅ.com").value()).isEqualTo("admin@example.com");
        assertThat(new EmailAddress("ＡＤＭＩＮ＠ＥＸＡＭＰＬＥ．ＣＯＭ").value()).isEqualTo("admin@example.com");
    }

    @Test
    void composesCombiningMarks() {
        assertThat(new EmailAddress("jose\u0301@example.com").value()).isEqualTo("jos\u00e9@example.com");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ad\u200bmin@example.com",
                "ad\u200cmin@example.com",
                "ad\u200dmin@example.com",
                "ad\u2060min@example.com",
                "ad\ufeffmin@example.com",
                "ad\u00admin@example.com",
                "admin@exa\u200bmple.com",
                "ad\u034fmin@example.com",
                "ad\ufe0fmin@example.com",
                "ad\u202emin@example.com",
                "\u200badmin@example.com",
                "admin@example.com\u200b"
            })
    void refusesInvisibleCharacters(String lookAlike) {
        assertThatThrownBy(() -> new EmailAddress(lookAlike)).isInstanceOf(InvalidValue.class);
        assertThat(EmailAddress.parse(lookAlike)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ad\u0001min@example.com",
                "admin@exam\u007fple.com",
                "ad min@example.com",
                "ad\u00a0min@example.com",
                "admin\n@example.com"
            })
    void refusesControlCharactersAndSpacesInside(String text) {
        assertThat(EmailAddress.parse(text)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "   ",
                "admin",
                "@example.com",
                "admin@",
                "a@b@example.com",
                "admin@.example.com",
                "admin@example.com.",
                "admin@example..com"
            })
    void refusesWhatIsNotAnAddress(String text) {
        assertThat(EmailAddress.parse(text)).isEmpty();
    }

    @Test
    void acceptsAtMost254CharactersAndALocalPartOfAtMost64() {
        String domain = "d".repeat(63) + "." + "e".repeat(63) + "." + "f".repeat(60) + ".com";
        String longest = "l".repeat(254 - 1 - domain.length()) + "@" + domain;

        assertThat(new EmailAddress(longest).value()).hasSize(254);
        assertThat(EmailAddress.parse("x" + longest)).isEmpty();
        assertThat(EmailAddress.parse("l".repeat(64) + "@example.com")).isPresent();
        assertThat(EmailAddress.parse("l".repeat(65) + "@example.com")).isEmpty();
    }

    @Test
    void refusesWithAProblemNamingTheEmailField() {
        assertThatThrownBy(() -> new EmailAddress("ad\u200bmin@example.com"))
                .isInstanceOfSatisfying(
                        InvalidValue.class,
                        refused -> assertThat(refused.properties())
                                .extractingByKey("errors")
                                .asString()
                                .contains("/email"));
    }

    @Test
    void isTheSameValueWhicheverSpellingItCameFrom() {
        assertThat(new EmailAddress("ＡＤＭＩＮ@example.com\u0001")).isEqualTo(new EmailAddress("admin@example.com"));
    }
}
