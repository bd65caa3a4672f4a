-- Offers and requests, the areas they are placed in, the responses they get, and members'
-- notifications. Same portability rules as V1 (MEDIUMTEXT, DATETIME(6) in UTC, indexed text <= 700).

-- The instance's own hierarchy of places (camp -> district -> block), set by the operator.
CREATE TABLE area (
    id        BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    code      VARCHAR(190) NOT NULL,
    name      VARCHAR(200) NOT NULL,
    parent_id BIGINT       NULL,
    latitude  DOUBLE       NULL,
    longitude DOUBLE       NULL,
    CONSTRAINT uq_area_code UNIQUE (code),
    CONSTRAINT fk_area_parent FOREIGN KEY (parent_id) REFERENCES area (id)
);

-- A proposal: an offer or a request, local or received from another server.
CREATE TABLE proposal (
    id               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    uri              VARCHAR(700)  NOT NULL,
    is_local         BOOLEAN       NOT NULL,
    author_id        BIGINT        NOT NULL,
    attributed_to_id BIGINT        NOT NULL,
    group_id         BIGINT        NULL,
    purpose          VARCHAR(8)    NOT NULL,
    kind             VARCHAR(8)    NOT NULL,
    status           VARCHAR(12)   NOT NULL,
    audience         VARCHAR(12)   NOT NULL,
    source           VARCHAR(12)   NOT NULL,
    moderation       VARCHAR(12)   NOT NULL,
    title            VARCHAR(300)  NOT NULL,
    description      MEDIUMTEXT    NOT NULL,
    language         VARCHAR(16)   NOT NULL,
    translations     MEDIUMTEXT    NULL,
    quantity         DECIMAL(15,3) NULL,
    unit             VARCHAR(32)   NULL,
    area_code        VARCHAR(190)  NULL,
    area_name        VARCHAR(300)  NULL,
    latitude         DOUBLE        NULL,
    longitude        DOUBLE        NULL,
    ends_at          DATETIME(6)   NOT NULL,
    published_at     DATETIME(6)   NOT NULL,
    updated_at       DATETIME(6)   NULL,
    deleted_at       DATETIME(6)   NULL,
    CONSTRAINT uq_proposal_uri UNIQUE (uri),
    CONSTRAINT fk_proposal_author FOREIGN KEY (author_id) REFERENCES actor (id) ON DELETE CASCADE,
    CONSTRAINT fk_proposal_attributed FOREIGN KEY (attributed_to_id) REFERENCES actor (id) ON DELETE CASCADE,
    CONSTRAINT fk_proposal_group FOREIGN KEY (group_id) REFERENCES actor (id) ON DELETE SET NULL
);
CREATE INDEX ix_proposal_board ON proposal (group_id, status, published_at);
CREATE INDEX ix_proposal_open ON proposal (status, purpose, ends_at);
CREATE INDEX ix_proposal_author ON proposal (author_id, published_at);

CREATE TABLE proposal_category (
    proposal_id BIGINT       NOT NULL,
    concept_uri VARCHAR(190) NOT NULL,
    position    INT          NOT NULL,
    CONSTRAINT pk_proposal_category PRIMARY KEY (proposal_id, concept_uri),
    CONSTRAINT fk_category_proposal FOREIGN KEY (proposal_id) REFERENCES proposal (id) ON DELETE CASCADE
);
CREATE INDEX ix_category_concept ON proposal_category (concept_uri);

-- An answer to a proposal: a reply or direct message from anywhere, or a FEP-0837 Offer between Weft
-- instances. Private ones are shown to the proposal's author only.
CREATE TABLE response (
    id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    uri           VARCHAR(700) NOT NULL,
    proposal_id   BIGINT       NOT NULL,
    responder_id  BIGINT       NOT NULL,
    kind          VARCHAR(12)  NOT NULL,
    state         VARCHAR(12)  NOT NULL,
    is_public     BOOLEAN      NOT NULL,
    content       MEDIUMTEXT   NOT NULL,
    created_at    DATETIME(6)  NOT NULL,
    decided_at    DATETIME(6)  NULL,
    CONSTRAINT uq_response_uri UNIQUE (uri),
    CONSTRAINT fk_response_proposal FOREIGN KEY (proposal_id) REFERENCES proposal (id) ON DELETE CASCADE,
    CONSTRAINT fk_response_responder FOREIGN KEY (responder_id) REFERENCES actor (id) ON DELETE CASCADE
);
CREATE INDEX ix_response_proposal ON response (proposal_id, created_at);

CREATE TABLE notification (
    id          BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    member_id   BIGINT      NOT NULL,
    kind        VARCHAR(32) NOT NULL,
    proposal_id BIGINT      NULL,
    response_id BIGINT      NULL,
    created_at  DATETIME(6) NOT NULL,
    read_at     DATETIME(6) NULL,
    CONSTRAINT fk_notification_member FOREIGN KEY (member_id) REFERENCES actor (id) ON DELETE CASCADE,
    CONSTRAINT fk_notification_proposal FOREIGN KEY (proposal_id) REFERENCES proposal (id) ON DELETE CASCADE,
    CONSTRAINT fk_notification_response FOREIGN KEY (response_id) REFERENCES response (id) ON DELETE CASCADE
);
CREATE INDEX ix_notification_member ON notification (member_id, read_at, id);
