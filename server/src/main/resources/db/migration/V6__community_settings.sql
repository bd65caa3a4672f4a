-- A community's own settings that are not part of its ActivityPub actor: for now its rules, shown on its page.
CREATE TABLE community_setting (
    actor_id    BIGINT         NOT NULL PRIMARY KEY,
    rules       VARCHAR(4000)  NULL,
    updated_at  DATETIME(6)    NOT NULL,
    CONSTRAINT fk_community_setting_actor FOREIGN KEY (actor_id) REFERENCES actor (id) ON DELETE CASCADE
);
