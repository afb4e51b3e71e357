package dev.stockroom.support;

import java.util.List;

/** Spellings of an email address that look like it but differ in code points. */
public final class LookAlikes {

    /** Zero-width space, non-joiner and joiner, word joiner, byte order mark, soft hyphen. */
    public static final List<Character> INVISIBLE = List.of('\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad');

    private LookAlikes() {}

    /**
     * Every ASCII letter and digit as its full-width form, the rest as it is: {@code ａｄａ@ｅｘａｍｐｌｅ.ｃｏｍ}
     * (request validation would refuse a full-width {@code @} before the domain ever saw it).
     */
    public static String fullWidth(String ascii) {
        var result = new StringBuilder();
        ascii.chars()
                .forEach(c -> result.append(
                        Character.isLetterOrDigit(c) && c < 0x7f ? (char) (c - 0x21 + 0xff01) : (char) c));
        return result.toString();
    }

    /** The text with {@code invisible} after its first character. */
    public static String withInvisible(String text, char invisible) {
        return text.charAt(0) + String.valueOf(invisible) + text.substring(1);
    }
}
