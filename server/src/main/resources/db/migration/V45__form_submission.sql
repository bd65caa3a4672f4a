-- Forms that were submitted, by the one-time token each form on a page carries. A second submit of the same form
-- (a double tap, a reload of the POST, the back button) finds its token here and changes nothing: it is sent where
-- the first one went. Rows are only needed for a short while and are pruned after a day.
CREATE TABLE form_submission (
    token         VARCHAR(64)   NOT NULL PRIMARY KEY,
    member_id     BIGINT,
    submitted_at  DATETIME(6)   NOT NULL,
    outcome       VARCHAR(600)
);
CREATE INDEX ix_form_submission_submitted ON form_submission (submitted_at);
