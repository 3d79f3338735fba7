-- The outbox of mail to send (S-65): one row per send, committed with the request that asked for it and
-- relayed to Graph by a job. state: queued, attempting (a send call may have been made), sent, failed.
create table mail_send (
    id                   uuid not null primary key,
    account_id           uuid not null,
    connection_id        uuid not null,
    requested_by         uuid not null,
    origin               varchar(100) not null,
    automatic            boolean not null,
    subject              varchar(1000) not null,
    body_html            varchar(200000) not null,
    state                varchar(16) not null,
    attempts             integer not null,
    internet_message_id  varchar(1000),
    conversation_id      varchar(1000),
    failure              varchar(500),
    created_at           timestamp with time zone not null,
    attempted_at         timestamp with time zone,
    finished_at          timestamp with time zone
);
create index mail_send_user_idx on mail_send (requested_by, created_at);

create table mail_send_recipient (
    send_id      uuid not null references mail_send (id) on delete cascade,
    position     integer not null,
    address      varchar(320) not null,
    display_name varchar(200),
    -- lower-case address and the send's origin, for the per (origin, recipient) limit (S-53)
    address_key  varchar(320) not null,
    origin       varchar(100) not null,
    created_at   timestamp with time zone not null,
    primary key (send_id, position)
);
create index mail_send_recipient_limit_idx on mail_send_recipient (origin, address_key, created_at);

-- One row per user that sends: locked while a send is counted and queued, so that the limits hold
-- across instances.
create table mail_send_quota (
    quota_key  varchar(100) not null primary key
);
