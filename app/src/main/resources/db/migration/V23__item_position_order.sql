-- A new item goes after the board's last one: max(position) per board must be one index probe, not a
-- walk over every item of the board (the (board_id, archived, position) index cannot answer it).
create index item_board_order_idx on item (board_id, position);
