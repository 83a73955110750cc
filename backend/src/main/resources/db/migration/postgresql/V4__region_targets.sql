-- A region's own target values (a city's plan is often stricter than the defaults in seeds/policy-targets.csv),
-- with who set them and why. Keep in step with the other database's V4.
CREATE TABLE region_target (
    region_code VARCHAR(64) NOT NULL REFERENCES region(code) ON DELETE CASCADE,
    code        VARCHAR(40) NOT NULL,
    target_value DOUBLE PRECISION NOT NULL,
    set_by      VARCHAR(200) NOT NULL,
    note        VARCHAR(1000),
    set_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (region_code, code),
    CONSTRAINT region_target_value_chk CHECK (target_value > 0)
);
