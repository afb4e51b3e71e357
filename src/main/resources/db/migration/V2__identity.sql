-- Identity and access: people, API clients, signing keys, the authorization server's state, and throttling.

create table app_user (
    id            uuid primary key,
    email         varchar(254) not null,
    password_hash varchar(200) not null,
    role          varchar(32)  not null,
    enabled       boolean      not null,
    version       bigint       not null,
    created_at    timestamptz  not null,
    updated_at    timestamptz  not null,
    constraint app_user_role check (role in ('admin', 'catalog_manager', 'support', 'viewer')),
    constraint app_user_email_lower check (email = lower(email))
);
create unique index app_user_email_unique on app_user (email);
create index app_user_created_at_id on app_user (created_at, id);

create table api_client (
    id            uuid primary key,
    client_id     varchar(100)  not null,
    name          varchar(200)  not null,
    secret_hash   varchar(200)  not null,
    scopes        varchar(1000) not null,
    redirect_uris varchar(4000),
    customer_id   uuid,
    created_at    timestamptz   not null,
    constraint api_client_client_id_unique unique (client_id)
);
create index api_client_created_at_id on api_client (created_at, id);

-- Keys that sign access tokens. The newest key that is not retired signs; retired keys stay published in the
-- JWKS until every token they signed has expired.
create table signing_key (
    kid         varchar(64)  primary key,
    private_key bytea        not null,
    public_key  bytea        not null,
    created_at  timestamptz  not null,
    retired_at  timestamptz
);

-- Spring Authorization Server's own table (its published schema, with PostgreSQL types).
create table oauth2_authorization (
    id                            varchar(100) not null primary key,
    registered_client_id          varchar(100) not null,
    principal_name                varchar(200) not null,
    authorization_grant_type      varchar(100) not null,
    authorized_scopes             varchar(1000) default null,
    attributes                    text          default null,
    state                         varchar(500)  default null,
    authorization_code_value      text          default null,
    authorization_code_issued_at  timestamptz   default null,
    authorization_code_expires_at timestamptz   default null,
    authorization_code_metadata   text          default null,
    access_token_value            text          default null,
    access_token_issued_at        timestamptz   default null,
    access_token_expires_at       timestamptz   default null,
    access_token_metadata         text          default null,
    access_token_type             varchar(100)  default null,
    access_token_scopes           varchar(1000) default null,
    oidc_id_token_value           text          default null,
    oidc_id_token_issued_at       timestamptz   default null,
    oidc_id_token_expires_at      timestamptz   default null,
    oidc_id_token_metadata        text          default null,
    refresh_token_value           text          default null,
    refresh_token_issued_at       timestamptz   default null,
    refresh_token_expires_at      timestamptz   default null,
    refresh_token_metadata        text          default null,
    user_code_value               text          default null,
    user_code_issued_at           timestamptz   default null,
    user_code_expires_at          timestamptz   default null,
    user_code_metadata            text          default null,
    device_code_value             text          default null,
    device_code_issued_at         timestamptz   default null,
    device_code_expires_at        timestamptz   default null,
    device_code_metadata          text          default null
);
-- The service looks authorizations up by token value; hash indexes keep that cheap for long JWTs.
create index oauth2_authorization_access_token on oauth2_authorization using hash (access_token_value);
create index oauth2_authorization_refresh_token on oauth2_authorization using hash (refresh_token_value);
create index oauth2_authorization_code on oauth2_authorization using hash (authorization_code_value);
create index oauth2_authorization_state on oauth2_authorization using hash (state);
create index oauth2_authorization_principal on oauth2_authorization (principal_name);
create index oauth2_authorization_client on oauth2_authorization (registered_client_id);

-- Refresh tokens that were rotated away, kept (hashed) until they would have expired, so that presenting one
-- again is recognised as reuse and revokes the whole family (the authorization it belonged to).
create table rotated_refresh_token (
    token_hash       bytea        primary key,
    authorization_id varchar(100) not null,
    expires_at       timestamptz  not null
);

-- Failed sign-ins and token requests, per account and per client address, shared by all instances.
create table auth_throttle (
    key             varchar(300) primary key,
    failures        integer      not null,
    window_start    timestamptz  not null,
    blocked_until   timestamptz
);
