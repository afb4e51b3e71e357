package dev.stockroom.shared;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;

/**
 * An email address in the one form the service compares, stores and counts failed sign-ins by, so that two
 * spellings that look the same can never be two accounts or two customers.
 *
 * <p>The form: Unicode NFKC (full-width {@code ａｄｍｉｎ} becomes {@code admin}), surrounding whitespace and
 * control characters trimmed, the whole address in lower case. The local part is lower-cased too: RFC 5321
 * lets a mail server tell {@code Ada@} from {@code ada@}, but no real one does, and one address per person
 * matters more here. Refused rather than removed, so what is stored is what was typed: control characters
 * and invisible ones (format characters such as U+200B zero-width space, U+00AD soft hyphen, U+FEFF, and the
 * other default-ignorable code points) anywhere inside, whitespace inside, and anything that is not one
 * {@code @} between a local part of at most 64 and a domain of at most 253 characters, 254 in all.
 */
public record EmailAddress(String value) {

    public static final int MAX_LENGTH = 254;

    /** Normalises {@code value} and refuses it, as a 422 on {@code /email}, if it is not an address. */
    public EmailAddress {
        value = normalize(value).orElseThrow(() -> InvalidValue.of("email", "must be a valid email address"));
    }

    /** The address, or empty if {@code text} is not one; for lookups, where a refusal is just "no match". */
    public static Optional<EmailAddress> parse(String text) {
        return normalize(text).map(EmailAddress::new);
    }

    @Override
    public String toString() {
        return value;
    }

    private static Optional<String> normalize(String text) {
        if (text.length() > 4 * MAX_LENGTH) {
            return Optional.empty();
        }
        String folded = Normalizer.normalize(
                trim(Normalizer.normalize(text, Normalizer.Form.NFKC)).toLowerCase(Locale.ROOT), Normalizer.Form.NFKC);
        if (folded.length() > MAX_LENGTH || !folded.codePoints().allMatch(EmailAddress::visible)) {
            return Optional.empty();
        }
        int at = folded.indexOf('@');
        if (at < 1 || at != folded.lastIndexOf('@') || at > 64) {
            return Optional.empty();
        }
        String domain = folded.substring(at + 1);
        if (domain.isEmpty()
                || domain.length() > 253
                || domain.startsWith(".")
                || domain.endsWith(".")
                || domain.contains("..")) {
            return Optional.empty();
        }
        return Optional.of(folded);
    }

    /** Drops whitespace and control characters at both ends: what {@link String#trim()} drops, and more. */
    private static String trim(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && blank(text.charAt(start))) {
            start++;
        }
        while (end > start && blank(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    private static boolean blank(char c) {
        return c <= ' ' || Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c);
    }

    private static boolean visible(int c) {
        return !Character.isWhitespace(c)
                && !Character.isSpaceChar(c)
                && switch (Character.getType(c)) {
                    case Character.CONTROL,
                            Character.FORMAT,
                            Character.SURROGATE,
                            Character.UNASSIGNED,
                            Character.PRIVATE_USE -> false;
                    default -> !defaultIgnorable(c);
                };
    }

    /**
     * Unicode's Default_Ignorable_Code_Point (DerivedCoreProperties.txt) beyond the format characters: code
     * points that render as nothing, such as U+034F combining grapheme joiner, variation selectors and Hangul
     * fillers.
     */
    private static boolean defaultIgnorable(int c) {
        return c == 0x00AD
                || c == 0x034F
                || c == 0x061C
                || (c >= 0x115F && c <= 0x1160)
                || (c >= 0x17B4 && c <= 0x17B5)
                || (c >= 0x180B && c <= 0x180F)
                || (c >= 0x200B && c <= 0x200F)
                || (c >= 0x202A && c <= 0x202E)
                || (c >= 0x2060 && c <= 0x206F)
                || c == 0x3164
                || (c >= 0xFE00 && c <= 0xFE0F)
                || c == 0xFEFF
                || c == 0xFFA0
                || (c >= 0xFFF0 && c <= 0xFFF8)
                || (c >= 0x1BCA0 && c <= 0x1BCA3)
                || (c >= 0x1D173 && c <= 0x1D17A)
                || (c >= 0xE0000 && c <= 0xE0FFF);
    }
}
