-- Several app instances on one database (README: two instances behind a load balancer). Keep in step with the
-- other database's V8.

-- Long work (region imports, siting) as people watch it: the instance running a job writes its progress here, so that
-- any instance answers /api/jobs/{id}, a cancel reaches the job through any instance, and a job whose instance died
-- (no heartbeat) is reported as failed, not running for ever. A finished job keeps its answer (siting: JSON). Status is
-- one of QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED (Job.Status).
CREATE TABLE job (
    id               VARCHAR(36) PRIMARY KEY,
    kind             VARCHAR(40) NOT NULL,
    subject          VARCHAR(200) NOT NULL,
    status           VARCHAR(20) NOT NULL,
    stage            INT NOT NULL,
    stage_count      INT NOT NULL,
    stage_name       VARCHAR(200) NOT NULL,
    percent          INT NOT NULL,
    seconds_left     DOUBLE PRECISION,
    started_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    ended_at         TIMESTAMP WITH TIME ZONE,
    heartbeat_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    instance         VARCHAR(200) NOT NULL,
    cancel_requested BOOLEAN DEFAULT FALSE NOT NULL,
    errors           TEXT,
    result           VARCHAR(4000),
    answer           TEXT
);
CREATE INDEX job_status_idx ON job(status);

-- A region's districts and census change (an import, an edit through any instance): revision counts up in the same
-- transaction, and every instance drops what it built from the old figures (district index, network, population).
ALTER TABLE region ADD COLUMN revision BIGINT DEFAULT 0 NOT NULL;

-- Signed-in sessions (Spring Session JDBC's tables): a login works whichever instance answers.
CREATE TABLE SPRING_SESSION (
    PRIMARY_ID            CHAR(36) NOT NULL,
    SESSION_ID            CHAR(36) NOT NULL,
    CREATION_TIME         BIGINT NOT NULL,
    LAST_ACCESS_TIME      BIGINT NOT NULL,
    MAX_INACTIVE_INTERVAL INT NOT NULL,
    EXPIRY_TIME           BIGINT NOT NULL,
    PRINCIPAL_NAME        VARCHAR(100),
    CONSTRAINT SPRING_SESSION_PK PRIMARY KEY (PRIMARY_ID)
);
CREATE UNIQUE INDEX SPRING_SESSION_IX1 ON SPRING_SESSION (SESSION_ID);
CREATE INDEX SPRING_SESSION_IX2 ON SPRING_SESSION (EXPIRY_TIME);
CREATE INDEX SPRING_SESSION_IX3 ON SPRING_SESSION (PRINCIPAL_NAME);

CREATE TABLE SPRING_SESSION_ATTRIBUTES (
    SESSION_PRIMARY_ID CHAR(36) NOT NULL,
    ATTRIBUTE_NAME     VARCHAR(200) NOT NULL,
    ATTRIBUTE_BYTES    BYTEA NOT NULL,
    CONSTRAINT SPRING_SESSION_ATTRIBUTES_PK PRIMARY KEY (SESSION_PRIMARY_ID, ATTRIBUTE_NAME),
    CONSTRAINT SPRING_SESSION_ATTRIBUTES_FK FOREIGN KEY (SESSION_PRIMARY_ID) REFERENCES SPRING_SESSION(PRIMARY_ID) ON DELETE CASCADE
);
