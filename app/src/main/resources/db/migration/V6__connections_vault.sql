-- The token vault of the connections module. Tokens are stored only as Tink AEAD ciphertexts under a
-- data key of their connection; the data key is stored only wrapped by the key-encryption key. Deleting a
-- connection's data key row makes its token ciphertexts undecryptable, even from an earlier copy of
-- connection_token. The connections issue adds the foreign keys to its connection table.
create table connection_data_key (
    connection_id uuid not null primary key,
    account_id    uuid not null,
    -- the key-encryption key version that wrapped it, e.g. 'local:1234567' or 'transit:mailboard-tokens:v2'
    kek_id        varchar(200) not null,
    wrapped_dek   bytea not null,
    created_at    timestamp with time zone not null,
    rewrapped_at  timestamp with time zone
);
create index connection_data_key_kek_idx on connection_data_key (kek_id);

create table connection_token (
    connection_id           uuid not null primary key,
    account_id              uuid not null,
    -- compare-and-set version: every write adds one
    version                 bigint not null,
    access_token            bytea not null,
    refresh_token           bytea,
    -- not secret: kept in the clear so refresh work can find expiring connections without decrypting
    access_token_expires_at timestamp with time zone,
    scopes                  varchar(2000) not null,
    updated_at              timestamp with time zone not null
);
create index connection_token_expiry_idx on connection_token (access_token_expires_at);
