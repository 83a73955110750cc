package cn.servicemap.support;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * A full application on a fresh database with the Nanjing demo region loaded from ../shared/data,
 * reached over real HTTP. Subclasses choose the database. It starts with one administrator ({@link Api#ADMIN}), whom
 * {@link #api()} signs in as; browser tests set {@code test.demo-login=true} so that their pages act as the demo planner.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"servicemap.data-dir=${servicemap.repo-root:..}/../shared/data",
                "servicemap.network.cache-dir=target/network-cache", "servicemap.network.warm-up=false",
                "servicemap.security.demo-login=${test.demo-login:false}", "servicemap.security.admin-username=" + Api.ADMIN,
                "servicemap.security.admin-password=" + Api.ADMIN_PASSWORD})
@Import(FixedClockConfig.class)
public abstract class DemoRegionTestBase {

    @Value("${local.server.port}")
    private int port;

    protected int port() {
        return port;
    }

    protected Api api() {
        return new Api(port);
    }
}
