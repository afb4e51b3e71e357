-- The DPoP proofs the API has accepted, shared by all instances so that a proof is good for one request on any
-- of them (RFC 9449, section 11.1). Only the SHA-256 digest of the proof's jti is kept, until the proof would be
-- refused anyway; a scheduled clean-up deletes older rows.
create table dpop_proof (
    jti_hash   bytea       primary key check (octet_length(jti_hash) = 32),
    expires_at timestamptz not null
);
create index dpop_proof_expires_at on dpop_proof (expires_at);
