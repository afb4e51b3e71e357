-- The service's own writes (its pooled connections are named `stockroom`) no longer notify from the trigger: a
-- transaction that sends NOTIFY takes a database-wide lock at commit and holds it through its WAL flush, which
-- serialised every order's commit. The service sends its notifications itself, after commit, batched, from one
-- connection (catalog.ProductChangeListener). Every other writer (a person with psql, a script, a migration)
-- still notifies through the trigger, so no instance keeps a product that somebody else changed.
drop trigger product_changed on product;

create trigger product_changed
    after update or delete
    on product
    for each row
    when (current_setting('application_name') is distinct from 'stockroom')
execute function notify_product_changed();
