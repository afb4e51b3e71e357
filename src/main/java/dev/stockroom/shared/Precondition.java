package dev.stockroom.shared;

import java.util.Set;

/**
 * The client's {@code If-Match} condition on a resource version. A change proceeds only when the stored
 * version satisfies it; otherwise nothing changes and the client gets 412.
 */
public sealed interface Precondition {

    /** No {@code If-Match} header: the change is unconditional. */
    Precondition NONE = new None();

    /** {@code If-Match: *}: any existing version. */
    Precondition ANY = new Any();

    boolean isSatisfiedBy(long version);

    /** Throws {@link PreconditionFailed} unless the stored version of the resource satisfies the condition. */
    default void verify(String resource, long version) {
        if (!isSatisfiedBy(version)) {
            throw PreconditionFailed.staleVersion(resource, version);
        }
    }

    static Precondition oneOf(Set<Long> versions) {
        return new OneOf(Set.copyOf(versions));
    }

    record None() implements Precondition {
        @Override
        public boolean isSatisfiedBy(long version) {
            return true;
        }
    }

    record Any() implements Precondition {
        @Override
        public boolean isSatisfiedBy(long version) {
            return true;
        }
    }

    /** One or more entity tags; an empty set (tags that were not ours) is satisfied by nothing. */
    record OneOf(Set<Long> versions) implements Precondition {
        @Override
        public boolean isSatisfiedBy(long version) {
            return versions.contains(version);
        }
    }
}
