-- Every committed change or removal of a product (its stock included, by any writer: the service, an order, a
-- person with psql) notifies channel `product_changed` with the product's id, so that every instance evicts it
-- from its product cache. PostgreSQL delivers a notification only when its transaction commits, once per
-- distinct payload per transaction, and never for a rolled-back one. An insert needs none: no instance can hold
-- a product before it exists (ids are new, and a miss is not cached).
create function notify_product_changed() returns trigger
    language plpgsql as
$$
begin
    perform pg_notify('product_changed', old.id::text);
    return null;
end;
$$;

create trigger product_changed
    after update or delete
    on product
    for each row
execute function notify_product_changed();
