-- Customers and their orders. An order keeps a snapshot of each product as it was sold, and its status history.

create table customer (
    id                  uuid primary key,
    name                varchar(200) not null,
    email               varchar(254) not null,
    phone               varchar(30),
    address_line1       varchar(200) not null,
    address_line2       varchar(200),
    address_line3       varchar(200),
    address_city        varchar(100) not null,
    address_postal_code varchar(20)  not null,
    address_country     char(2)      not null,
    version             bigint       not null,
    created_at          timestamptz  not null,
    updated_at          timestamptz  not null,
    constraint customer_email_lower check (email = lower(email)),
    constraint customer_name_length check (char_length(name) between 1 and 200),
    constraint customer_country_format check (address_country ~ '^[A-Z]{2}$')
);
create unique index customer_email_unique on customer (email);
create index customer_created_at_id on customer (created_at, id);

create table customer_order (
    id          uuid primary key,
    customer_id uuid           not null references customer (id) on delete restrict,
    status      varchar(16)    not null,
    total       numeric(16, 2) not null,
    version     bigint         not null,
    created_at  timestamptz    not null,
    updated_at  timestamptz    not null,
    constraint customer_order_status check (status in ('pending', 'confirmed', 'shipped', 'delivered', 'cancelled')),
    constraint customer_order_total check (total >= 0)
);
create index customer_order_created_at_id on customer_order (created_at, id);
create index customer_order_customer on customer_order (customer_id, created_at, id);
create index customer_order_status on customer_order (status, created_at, id);

create table order_line (
    order_id   uuid           not null references customer_order (id) on delete cascade,
    line_no    integer        not null,
    product_id uuid           not null,
    sku        varchar(64)    not null,
    name       varchar(200)   not null,
    unit_price numeric(9, 2)  not null,
    quantity   integer        not null,
    line_total numeric(16, 2) not null,
    primary key (order_id, line_no),
    constraint order_line_quantity check (quantity between 1 and 10000),
    constraint order_line_total check (line_total = unit_price * quantity),
    constraint order_line_product_once unique (order_id, product_id)
);

create table order_status_change (
    order_id   uuid         not null references customer_order (id) on delete cascade,
    seq        integer      not null,
    status     varchar(16)  not null,
    changed_at timestamptz  not null,
    changed_by varchar(200) not null,
    reason     varchar(500),
    primary key (order_id, seq)
);
