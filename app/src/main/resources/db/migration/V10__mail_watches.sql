-- Mailboxes whose Inbox is watched (by at least one active recipe) and their Graph subscriptions.
create table mail_watch (
    connection_id    uuid not null primary key,
    account_id       uuid not null,
    -- mail received before this is never published (the catch-up bound of a full resync)
    watched_since    timestamp with time zone not null,
    -- active, or paused while the connection needs reconnect
    status           varchar(20) not null,
    -- the Inbox folder id (immutable), learned on the first fetch
    inbox_folder_id  varchar(500),
    -- the delta link of the last complete catch-up round (not a secret: useless without a token)
    delta_link       varchar(4000),
    last_catch_up_at timestamp with time zone,
    created_at       timestamp with time zone not null
);

create table mail_subscription (
    id                varchar(100) not null primary key,
    connection_id     uuid not null,
    -- SHA-256 of the random clientState (S-24); the value itself is never stored
    client_state_hash bytea not null,
    expires_at        timestamp with time zone not null,
    -- when to renew: before half the lifetime is left, with jitter so renewals do not bunch (S-30)
    renew_at          timestamp with time zone not null,
    created_at        timestamp with time zone not null
);
create index mail_subscription_connection_idx on mail_subscription (connection_id);
create index mail_subscription_renew_idx on mail_subscription (renew_at);
