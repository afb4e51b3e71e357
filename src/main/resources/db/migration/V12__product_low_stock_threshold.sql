-- The stock at or below which a product counts as running low (the `stock.low` webhook event); the default 0
-- means "when sold out". The range repeats what request validation enforces, like the stock's own.
alter table product
    add column low_stock_threshold integer not null default 0
        constraint product_low_stock_threshold_range check (low_stock_threshold between 0 and 1000000000);
