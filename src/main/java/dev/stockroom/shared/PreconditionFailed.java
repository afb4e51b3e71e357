package dev.stockroom.shared;

/** The client's {@code If-Match} names a version that is no longer current. */
public final class PreconditionFailed extends DomainException {

    private PreconditionFailed(String detail) {
        super(Kind.PRECONDITION_FAILED, detail);
    }

    public static PreconditionFailed staleVersion(String resource, long current) {
        var problem = new PreconditionFailed(
                "The %s has changed since you read it; fetch it again and retry.".formatted(resource));
        problem.with("current_version", current);
        return problem;
    }
}
