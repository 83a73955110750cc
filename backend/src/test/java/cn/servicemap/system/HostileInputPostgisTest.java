package cn.servicemap.system;

import cn.servicemap.support.RequiresPostgis;
import cn.servicemap.support.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@RequiresPostgis
class HostileInputPostgisTest extends HostileInputContract {
    @DynamicPropertySource
    static void database(DynamicPropertyRegistry r) {
        r.add("spring.datasource.url", TestDatabases::freshPostgisUrl);
    }
}
