-- Responses to POSTs that carried an Idempotency-Key, per client, written in the same transaction as their
-- effect; a retry with the same key and body gets the stored response instead of a second effect.
create table idempotency_key (
    client_id    varchar(200)  not null,
    key          varchar(255)  not null,
    fingerprint  bytea         not null,
    status       integer       not null,
    content_type varchar(200),
    location     varchar(2000),
    etag         varchar(100),
    body         bytea         not null,
    created_at   timestamptz   not null,
    primary key (client_id, key)
);
create index idempotency_key_created_at on idempotency_key (created_at);
