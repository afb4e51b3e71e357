-- Webhooks: partners' subscriptions, and the outbox of their deliveries. A delivery row is written in the
-- transaction of the change it reports, so a change that rolls back sends nothing and a committed one is sent
-- even if the process dies before sending it. Instances claim due rows with FOR UPDATE SKIP LOCKED.
create table webhook_subscription (
    id                         uuid         primary key,
    url                        text         not null,
    event_types                text[]       not null,
    description                text,
    enabled                    boolean      not null,
    -- The customer a bound client's subscription is limited to; null for the other principals' subscriptions.
    customer_id                uuid,
    owner                      text         not null,
    -- The signing secret, and the one it replaced while both sign (SecretProtection: encrypted when a key is set).
    secret                     bytea        not null,
    previous_secret            bytea,
    previous_secret_expires_at timestamptz,
    -- The circuit breaker: consecutive failed attempts, and until when no delivery is tried.
    failure_streak             integer      not null default 0,
    breaker_open_until         timestamptz,
    disabled_reason            text,
    version                    bigint       not null,
    created_at                 timestamptz  not null,
    updated_at                 timestamptz  not null,
    constraint webhook_subscription_event_types_not_empty check (cardinality(event_types) > 0)
);

create index webhook_subscription_created on webhook_subscription (created_at, id);

create table webhook_delivery (
    id               uuid         primary key,
    subscription_id  uuid         not null references webhook_subscription (id) on delete cascade,
    event_type       text         not null,
    -- The exact bytes sent (and signed), rendered when the event happened.
    payload          text         not null,
    status           text         not null,
    attempts         integer      not null default 0,
    next_attempt_at  timestamptz  not null,
    -- Set while an instance is sending; a lease that passes (the instance died) makes the row due again.
    locked_until     timestamptz,
    last_attempt_at  timestamptz,
    last_status_code integer,
    last_error       text,
    created_at       timestamptz  not null,
    constraint webhook_delivery_status check (status in ('pending', 'succeeded', 'failed', 'dead'))
);

create index webhook_delivery_due on webhook_delivery (next_attempt_at) where status = 'pending';
create index webhook_delivery_of_subscription on webhook_delivery (subscription_id, created_at, id);
