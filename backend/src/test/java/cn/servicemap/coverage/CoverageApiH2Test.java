package cn.servicemap.coverage;

import cn.servicemap.support.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class CoverageApiH2Test extends CoverageApiContract {
    @DynamicPropertySource
    static void database(DynamicPropertyRegistry r) {
        r.add("spring.datasource.url", TestDatabases::freshH2Url);
    }
}
