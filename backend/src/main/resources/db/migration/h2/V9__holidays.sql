-- Each year's holiday arrangement (放假调休) loaded by an administrator, without a release: a year listed here replaces
-- that year of the seed file holidays-cn.csv. Keep in step with the other database's V9.
CREATE TABLE holiday (
    holiday_date DATE PRIMARY KEY,
    kind      VARCHAR(10) NOT NULL,
    name_zh   VARCHAR(100),
    source    VARCHAR(1000),
    loaded_by VARCHAR(200) NOT NULL,
    loaded_at TIMESTAMP WITH TIME ZONE NOT NULL
);
