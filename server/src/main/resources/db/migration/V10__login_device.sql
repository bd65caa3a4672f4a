-- Browsers a member has signed in from (a "device cookie", set at each successful login). The failed-login
-- back-off on a member's account does not hold these browsers back, so someone guessing the password elsewhere
-- cannot lock the member out of their own phone. One row per browser and member (a shared phone knows several
-- members); the id is the SHA-256 of the member id and the cookie's secret, never the secret itself.
CREATE TABLE login_device (
    id            VARCHAR(64)  NOT NULL PRIMARY KEY,
    member_id     BIGINT       NOT NULL,
    created_at    DATETIME(6)  NOT NULL,
    last_used_at  DATETIME(6)  NOT NULL,
    CONSTRAINT fk_login_device_member FOREIGN KEY (member_id) REFERENCES actor (id) ON DELETE CASCADE
);
CREATE INDEX ix_login_device_member ON login_device (member_id);
