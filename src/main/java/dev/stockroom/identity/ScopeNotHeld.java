package dev.stockroom.identity;

import dev.stockroom.shared.DomainException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Nobody hands out more than they hold: the caller lacks scopes the request would grant or take over. */
public final class ScopeNotHeld extends DomainException {

    private ScopeNotHeld(String detail, List<String> missing) {
        super(Kind.FORBIDDEN, "scope-not-held", "Scope not held", detail);
        with("missing_scopes", missing);
    }

    /** The caller asked to grant scopes (sent as {@code field}, directly or through a role) it does not hold. */
    public static ScopeNotHeld toGrant(String field, Set<String> missing) {
        var sorted = List.copyOf(new TreeSet<>(missing));
        String detail =
                "A caller can grant only scopes it holds itself; this one lacks " + String.join(", ", sorted) + ".";
        var refusal = new ScopeNotHeld(detail, sorted);
        refusal.with("errors", List.of(error("pointer", "/" + field, detail, "not_held")));
        return refusal;
    }

    /** The user or client to change or delete holds scopes the caller lacks: it would take over more power. */
    public static ScopeNotHeld toChange(String what, Set<String> missing) {
        var sorted = List.copyOf(new TreeSet<>(missing));
        return new ScopeNotHeld(
                "This " + what + " holds scopes the caller lacks (" + String.join(", ", sorted)
                        + "); only a caller holding all of them may change or delete it.",
                sorted);
    }
}
