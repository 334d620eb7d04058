-- Leases: one holder at a time for work only one instance may do (sending broadcasts for the bot's tokens).
-- A holder renews before expires_at; an instance that died loses it when it expires.
CREATE TABLE leases (
    name text PRIMARY KEY,
    owner text NOT NULL,
    expires_at timestamptz NOT NULL
);
