package cn.servicemap.support;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A fresh database with the app's migrations applied and nothing else: what a repository test runs on, without an
 * application context. H2GIS in memory, or a new database on the local PostGIS cluster.
 */
public record MigratedDatabase(DataSource dataSource, JdbcClient jdbc) {

    public static MigratedDatabase h2() {
        return migrate(TestDatabases.freshH2Url(), "h2");
    }

    public static MigratedDatabase postgis() {
        return migrate(TestDatabases.freshPostgisUrl(), "postgresql");
    }

    private static MigratedDatabase migrate(String url, String vendor) {
        DriverManagerDataSource ds = new DriverManagerDataSource(url);
        Flyway.configure().dataSource(ds).locations("classpath:db/migration/" + vendor).load().migrate();
        return new MigratedDatabase(ds, JdbcClient.create(ds));
    }
}
