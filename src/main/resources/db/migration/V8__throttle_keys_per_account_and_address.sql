-- Throttling keys now name an account together with the client address (up to 254 + 100 characters).
alter table auth_throttle alter column key type varchar(400);
