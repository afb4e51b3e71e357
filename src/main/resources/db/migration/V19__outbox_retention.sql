-- Finished rows of both outboxes are deleted once older than the retention (OutboxRetention): these indexes let
-- that clean-up find them without reading the rows still in flight.
create index webhook_delivery_finished on webhook_delivery ((coalesce(last_attempt_at, created_at)))
    where status in ('succeeded', 'dead');
create index event_outbox_published on event_outbox (published_at) where status = 'published';
