-- Accounts (tenants) and their users.
create table account (
    id                        uuid not null primary key,
    name                      varchar(200) not null,
    -- account permission "who may create integrations": comma-separated roles
    integration_creator_roles varchar(100) not null default 'admin,member',
    created_at                timestamp with time zone not null
);

create table app_user (
    id              uuid not null primary key,
    account_id      uuid not null references account (id),
    email           varchar(320) not null,
    display_name    varchar(200) not null,
    role            varchar(16) not null,
    -- null until an invited user has set a password
    password_hash   varchar(200),
    status          varchar(16) not null,
    failed_logins   int not null default 0,
    locked_until    timestamp with time zone,
    created_at      timestamp with time zone not null,
    constraint app_user_email_unique unique (email),
    constraint app_user_role_check check (role in ('admin', 'member', 'viewer', 'guest')),
    constraint app_user_status_check check (status in ('active', 'invited', 'deactivated'))
);
create index app_user_account_idx on app_user (account_id);
