-- API clients can be changed (PATCH /v1/clients/{id}), with If-Match on this version, as every other resource.
alter table api_client
    add column version bigint not null default 1
        constraint api_client_version_positive check (version > 0);
