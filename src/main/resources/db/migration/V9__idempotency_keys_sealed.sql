-- Idempotency records reveal nothing to a reader of the table: the row is found by an HMAC of (client, subject,
-- key) instead of the raw key, the request fingerprint is an HMAC, and the response (status, headers, body, which
-- may hold a client secret) is one AES-256-GCM sealed value. Rows stored before cannot be converted (their keys
-- are not known); they are deleted, which at worst runs a retry of a request from the last 48 hours again.
delete from idempotency_key;
alter table idempotency_key
    drop constraint idempotency_key_pkey,
    drop column client_id,
    drop column key,
    drop column status,
    drop column content_type,
    drop column location,
    drop column etag,
    drop column body,
    add column key_hash bytea not null,
    add column response bytea not null,
    add primary key (key_hash);
