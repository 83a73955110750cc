package cn.servicemap.support;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * A full application on a fresh database with the Nanjing demo region loaded from ../shared/data,
 * reached over real HTTP. Subclasses choose the database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"servicemap.data-dir=${servicemap.repo-root:..}/../shared/data",
                "servicemap.network.cache-dir=target/network-cache", "servicemap.network.warm-up=false"})
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
