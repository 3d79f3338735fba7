-- Inbox entries belong to the module that owns their subscription; only that module claims them.
alter table notification_inbox add column owner varchar(40) default 'mail' not null;
create index notification_inbox_owner_idx on notification_inbox (owner, claimed_until, id);

-- Every Inbox message Mailboard published as MailReceived: the unique key makes it exactly once (S-27).
create table mail_message (
    connection_id uuid not null,
    -- Graph's immutable message id
    message_id    varchar(500) not null,
    received_at   timestamp with time zone,
    -- NOTIFICATION, CATCH_UP or REPLAY
    found_by      varchar(20) not null,
    recorded_at   timestamp with time zone not null,
    primary key (connection_id, message_id)
);
