-- yield price history
CREATE TABLE yield_prices (
  save_id INTEGER NOT NULL REFERENCES saves (id) ON DELETE CASCADE,
  yield TEXT NOT NULL,
  turn INTEGER NOT NULL,
  price INTEGER NOT NULL,
  PRIMARY KEY (save_id, yield, turn)
) WITHOUT ROWID;
