-- Stranded updates (src/Bot/Storage/PostgreSql/PgInstance.cs, PgReceivedUpdates.ClaimStrandedAsync): every instance
-- writes a heartbeat; a stored update belongs to the instance that stored or claimed it. Rows of an instance whose
-- heartbeat stopped (or that has none) are claimed by a live one, so they are answered while the others keep running.
CREATE TABLE instances (
    id text COLLATE "C" PRIMARY KEY,
    heartbeat_at timestamptz NOT NULL
);

-- NULL: stored before this migration, or by nobody alive; claimable at once.
ALTER TABLE received ADD COLUMN owner text COLLATE "C";
