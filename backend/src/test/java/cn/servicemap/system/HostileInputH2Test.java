package cn.servicemap.system;

import cn.servicemap.support.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class HostileInputH2Test extends HostileInputContract {
    @DynamicPropertySource
    static void database(DynamicPropertyRegistry r) {
        r.add("spring.datasource.url", TestDatabases::freshH2Url);
    }
}
