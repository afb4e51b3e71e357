package dev.stockroom.shared.web;

import dev.stockroom.shared.Precondition;
import java.util.HashSet;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Entity tags of versioned resources. A resource's strong ETag is its version number in quotes, so it
 * changes exactly when the stored resource does and every instance computes the same tag.
 */
public final class ETags {

    private static final Pattern TAG = Pattern.compile("\\s*(W/)?\"([^\"]*)\"\\s*");

    private ETags() {}

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /**
     * The precondition an {@code If-Match} header states (RFC 9110, section 13.1.1). {@code If-Match} uses the
     * strong comparison, so weak tags never match; a tag that is not one of ours matches no version, and a
     * header that cannot be parsed matches nothing either: a change is never made on a condition we did not
     * understand.
     */
    public static Precondition ifMatch(@Nullable String header) {
        if (header == null) {
            return Precondition.NONE;
        }
        if (header.strip().equals("*")) {
            return Precondition.ANY;
        }
        var versions = new HashSet<Long>();
        for (String part : header.split(",")) {
            var tag = TAG.matcher(part);
            if (tag.matches() && tag.group(1) == null) {
                parseVersion(tag.group(2), versions);
            }
        }
        return Precondition.oneOf(versions);
    }

    private static void parseVersion(String opaque, HashSet<Long> versions) {
        if (!opaque.isEmpty() && opaque.length() < 19 && opaque.chars().allMatch(Character::isDigit)) {
            versions.add(Long.parseLong(opaque));
        }
    }
}
