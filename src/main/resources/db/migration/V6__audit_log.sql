-- The audit log: one row per state change, written in the transaction of the change. Append-only: the table
-- refuses UPDATE, DELETE and TRUNCATE for everyone, whatever the application does.
create table audit_event (
    id            uuid primary key,
    occurred_at   timestamptz  not null,
    actor         varchar(300) not null,
    actor_type    varchar(16)  not null,
    action        varchar(64)  not null,
    resource_type varchar(32)  not null,
    resource_id   varchar(100) not null,
    changes       jsonb        not null,
    request_id    varchar(128),
    client_ip     varchar(64),
    constraint audit_event_actor_type check (actor_type in ('user', 'client', 'anonymous', 'system'))
);
create index audit_event_occurred_at_id on audit_event (occurred_at, id);
create index audit_event_resource on audit_event (resource_type, resource_id, occurred_at, id);
create index audit_event_actor on audit_event (actor, occurred_at, id);

create function audit_event_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_event is append-only: % is not allowed', tg_op using errcode = '42501';
end;
$$;

create trigger audit_event_no_update_or_delete before update or delete on audit_event
    for each row execute function audit_event_append_only();
create trigger audit_event_no_truncate before truncate on audit_event
    for each statement execute function audit_event_append_only();
