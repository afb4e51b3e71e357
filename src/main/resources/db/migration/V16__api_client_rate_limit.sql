-- A client's own rate limit (`100/1s` or `100/1s;burst=200`), or null for the service's default.
alter table api_client
    add column rate_limit varchar(40)
        constraint api_client_rate_limit_shape
            check (rate_limit ~ '^[1-9][0-9]{0,8}/[1-9][0-9]{0,5}(ms|s|m|h)(;burst=[1-9][0-9]{0,8})?$');
