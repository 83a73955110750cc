package cn.servicemap.grades;

import cn.servicemap.support.RequiresPostgis;
import cn.servicemap.support.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@RequiresPostgis
class StandardsAndGradesApiPostgisTest extends StandardsAndGradesApiContract {
    @DynamicPropertySource
    static void database(DynamicPropertyRegistry r) {
        r.add("spring.datasource.url", TestDatabases::freshPostgisUrl);
    }
}
