-- The catalog: products and the ledger of their stock adjustments.
-- The constraints repeat what request validation enforces, so no path around the API can break them.
create table product (
    id          uuid primary key,
    sku         varchar(64)    not null,
    name        varchar(200)   not null,
    description varchar(2000),
    price       numeric(9, 2)  not null,
    stock       integer        not null,
    version     bigint         not null,
    created_at  timestamptz    not null,
    updated_at  timestamptz    not null,
    constraint product_sku_unique unique (sku),
    constraint product_sku_format check (sku ~ '^[A-Z0-9][A-Z0-9-]{1,63}$'),
    constraint product_name_length check (char_length(name) between 1 and 200),
    constraint product_price_range check (price > 0 and price <= 1000000),
    constraint product_stock_range check (stock between 0 and 1000000000),
    constraint product_version_positive check (version > 0)
);

-- Keyset pagination: one index per sort order, each ending in the id tie-breaker.
create index product_created_at_id on product (created_at, id);
create index product_name_id on product (name, id);
create index product_price_id on product (price, id);

create table stock_adjustment (
    id          uuid primary key,
    product_id  uuid          not null references product (id) on delete cascade,
    delta       integer       not null,
    reason      varchar(500)  not null,
    stock_after integer       not null,
    created_at  timestamptz   not null,
    constraint stock_adjustment_delta_non_zero check (delta <> 0),
    constraint stock_adjustment_stock_after_non_negative check (stock_after >= 0)
);

create index stock_adjustment_product on stock_adjustment (product_id, created_at);

-- Secrets the instances must share (for example the key that signs pagination cursors).
create table app_secret (
    name       varchar(100) primary key,
    value      bytea        not null,
    created_at timestamptz  not null default now()
);
