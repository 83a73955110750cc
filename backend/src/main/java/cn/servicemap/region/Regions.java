package cn.servicemap.region;

import java.util.Optional;
import org.springframework.stereotype.Component;

/** The region this instance holds, for features that compute on it (coverage, basemap). */
@Component
public class Regions {

    private final RegionRepository repository;

    Regions(RegionRepository repository) {
        this.repository = repository;
    }

    public Optional<Region> current() {
        return repository.current();
    }
}
