-- The send-email action: one row per (recipe, item change) that fired it, claimed in the transaction that
-- queues the mail, so a replayed or retried event never sends twice. change_key is 'created' for an item
-- created with the trigger value, or 'v<version>' for the change that made the item that version.
-- outcome: queued (send_id set), refused (a limit, an address, no Mail.Send: detail says which) or skipped.
create table recipe_send (
    recipe_id   uuid not null references recipe (id) on delete cascade,
    item_id     bigint not null references item (id) on delete cascade,
    change_key  varchar(40) not null,
    send_id     uuid,
    outcome     varchar(16) not null,
    detail      varchar(1000),
    created_at  timestamp with time zone not null,
    primary key (recipe_id, item_id, change_key),
    constraint recipe_send_outcome_check check (outcome in ('queued', 'refused', 'skipped'))
);
create index recipe_send_send_idx on recipe_send (send_id);
