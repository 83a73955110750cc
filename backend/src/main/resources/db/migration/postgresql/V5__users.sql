-- Users and their roles, scoped to a region and (for district editors) to districts. Keep in step with the other
-- database's V5. Passwords are stored only as hashes (bcrypt, with the algorithm's id in front).
CREATE TABLE app_user (
    username        VARCHAR(64) PRIMARY KEY,
    display_name    VARCHAR(100) NOT NULL,
    password_hash   VARCHAR(200) NOT NULL,
    role            VARCHAR(20) NOT NULL,
    region_code     VARCHAR(64),
    districts       VARCHAR(2000),
    enabled         BOOLEAN NOT NULL,
    failed_logins   INT NOT NULL,
    locked_until    TIMESTAMP WITH TIME ZONE,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by      VARCHAR(64) NOT NULL,
    CONSTRAINT app_user_role_chk CHECK (role IN ('DISTRICT_EDITOR', 'PLANNER', 'REGION_ADMIN', 'ADMIN'))
);
