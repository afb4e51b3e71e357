package dev.stockroom.shared.database;

/**
 * {@code LIKE} patterns from user input, with the wildcards escaped so they match literally. Use with
 * {@code escape '\'} in the SQL.
 */
public final class LikePatterns {

    private LikePatterns() {}

    /** A pattern matching any text that contains {@code text}. */
    public static String containing(String text) {
        return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
