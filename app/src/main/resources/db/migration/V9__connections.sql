-- Mailbox connections of the connections module. Their tokens live in the vault tables of V6
-- (connection_token, connection_data_key), keyed by the same connection id; no foreign key ties them, so
-- that destroying tokens and deleting a connection stay independent steps.
create table connection (
    id                uuid not null primary key,
    account_id        uuid not null,
    owner_id          uuid not null,
    -- the mailbox address Graph's /me reported (lower case)
    mailbox_address   varchar(320) not null,
    -- active or needs_reconnect; a disconnected connection is deleted
    status            varchar(30) not null,
    -- the scopes granted at the last token response, space separated (not secret)
    scopes            varchar(2000) not null,
    connected_at      timestamp with time zone not null,
    last_refresh_at   timestamp with time zone,
    -- when a refresh was refused for good (invalid_grant and friends); kept after a reconnect for backfill
    access_lost_at    timestamp with time zone,
    -- the first of the current run of transient refresh failures, cleared by a successful refresh
    failing_since     timestamp with time zone,
    constraint connection_mailbox_uq unique (account_id, owner_id, mailbox_address)
);
create index connection_account_idx on connection (account_id);
