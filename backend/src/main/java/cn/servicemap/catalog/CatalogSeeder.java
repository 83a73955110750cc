package cn.servicemap.catalog;

import cn.servicemap.gis.catalog.ServiceType;
import cn.servicemap.gis.catalog.StationCatalog;
import cn.servicemap.gis.catalog.StationKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes the seed catalog (station kinds, services) into the database at start, idempotently,
 * before anything reads stations: station rows reference these codes.
 */
@Component
class CatalogSeeder implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(CatalogSeeder.class);

    private final StationCatalog catalog;
    private final CatalogRepository repository;
    private final TransactionTemplate tx;

    CatalogSeeder(StationCatalog catalog, CatalogRepository repository, TransactionTemplate tx) {
        this.catalog = catalog;
        this.repository = repository;
        this.tx = tx;
    }

    @Override
    public void afterPropertiesSet() {
        tx.executeWithoutResult(status -> {
            for (StationKind k : catalog.kinds()) {
                repository.upsert(k);
            }
            for (ServiceType s : catalog.services()) {
                repository.upsert(s);
            }
        });
        log.info("Catalog seeded: {} station kinds, {} services", catalog.kinds().size(), catalog.services().size());
    }
}
