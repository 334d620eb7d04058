-- Content reloads across instances: an officer's /tailai (or a plan published on the dashboard) on one instance
-- raises the version; every instance polls it and reloads its own dialogs/ (validated there, kept when broken).
CREATE TABLE content_version (
    id int PRIMARY KEY CHECK (id = 1),
    version bigint NOT NULL,
    changed_at timestamptz NOT NULL,
    changed_by text NOT NULL
);
INSERT INTO content_version (id, version, changed_at, changed_by) VALUES (1, 0, now(), '');
