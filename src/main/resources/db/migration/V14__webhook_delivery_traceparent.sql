-- The W3C trace context (`traceparent`) of the span that wrote the delivery, so that sending it later, on
-- another thread or instance, continues the trace of the request that caused it. Null when nothing was traced.
alter table webhook_delivery
    add column traceparent text
        constraint webhook_delivery_traceparent_shape
            check (traceparent ~ '^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$');
