-- Events for the message broker (only written when STOCKROOM_EVENTS_AMQP_URL is set): one row per event, written
-- in the transaction of the change it reports, published to the stockroom.events exchange by EventRelay on
-- whichever instance claims it (FOR UPDATE SKIP LOCKED with a lease), and marked published once the broker has
-- confirmed it. The broker is ours: a row is retried until it is published, never given up.
create table event_outbox (
    id              uuid         primary key,
    -- The event type (order.placed...), the message's routing key.
    routing_key     text         not null,
    -- The exact message body: the envelope webhooks send, rendered when the event happened.
    payload         text         not null,
    status          text         not null,
    attempts        integer      not null default 0,
    next_attempt_at timestamptz  not null,
    -- Set while an instance is publishing; a lease that passes (the instance died) makes the row due again.
    locked_until    timestamptz,
    last_error      text,
    created_at      timestamptz  not null,
    published_at    timestamptz,
    constraint event_outbox_status check (status in ('pending', 'published')),
    constraint event_outbox_published_at check ((status = 'published') = (published_at is not null))
);

create index event_outbox_due on event_outbox (next_attempt_at) where status = 'pending';
