-- yield price history
CREATE TABLE yield_prices (
  save_id INTEGER NOT NULL,
  yield TEXT NOT NULL,
  turn INTEGER NOT NULL,
  price INTEGER NOT NULL
);
