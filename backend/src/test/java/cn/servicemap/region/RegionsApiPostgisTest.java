package cn.servicemap.region;

import cn.servicemap.support.RequiresPostgis;
import cn.servicemap.support.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@RequiresPostgis
class RegionsApiPostgisTest extends RegionsApiContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry r) {
        r.add("spring.datasource.url", TestDatabases::freshPostgisUrl);
    }
}
