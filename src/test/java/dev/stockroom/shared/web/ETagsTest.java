package dev.stockroom.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.shared.Precondition;
import org.junit.jupiter.api.Test;

class ETagsTest {

    @Test
    void tagIsTheQuotedVersion() {
        assertThat(ETags.of(7)).isEqualTo("\"7\"");
    }

    @Test
    void missingHeaderIsNoCondition() {
        assertThat(ETags.ifMatch(null)).isEqualTo(Precondition.NONE);
    }

    @Test
    void starMatchesEveryVersion() {
        assertThat(ETags.ifMatch(" * ").isSatisfiedBy(42)).isTrue();
    }

    @Test
    void listMatchesAnyOfItsStrongTags() {
        var precondition = ETags.ifMatch("\"1\", \"3\"");

        assertThat(precondition.isSatisfiedBy(1)).isTrue();
        assertThat(precondition.isSatisfiedBy(3)).isTrue();
        assertThat(precondition.isSatisfiedBy(2)).isFalse();
    }

    @Test
    void weakTagsUnquotedTagsAndForeignTagsMatchNothing() {
        for (String header : new String[] {"W/\"1\"", "1", "\"x1\"", "\"\"", "\"99999999999999999999\"", ","}) {
            assertThat(ETags.ifMatch(header).isSatisfiedBy(1)).as(header).isFalse();
        }
    }
}
