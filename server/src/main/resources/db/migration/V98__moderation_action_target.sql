-- Whether a post was ever hidden is read from the moderation log (ConversationRules: a hidden local proposal's
-- conversation with a responder on another Weft instance stays closed, since that instance deleted its copy), once per
-- such conversation a page or an incoming message touches. An index by target keeps that a look-up, not a scan of the
-- whole log. 700 + 32 characters stay within InnoDB's 3,072-byte key on utf8mb4. Works on H2 and MariaDB.
CREATE INDEX ix_moderation_action_target ON moderation_action (target, kind);
