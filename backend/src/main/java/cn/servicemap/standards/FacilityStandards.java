package cn.servicemap.standards;

import cn.servicemap.gis.catalog.ServiceType;
import cn.servicemap.gis.catalog.StationCatalog;
import cn.servicemap.gis.standards.FacilityStandard;
import cn.servicemap.gis.standards.StarScheme;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The checklists of {@code seeds/facility-standards.csv} and the star schemes of {@code seeds/star-criteria.csv}, read at
 * start against the catalog's services (a condition naming a service the catalog lacks stops the start). The first of
 * each file is the default of a region that chose none.
 */
@Component
public class FacilityStandards {

    private final List<FacilityStandard> standards;
    private final List<StarScheme> schemes;

    FacilityStandards(StationCatalog catalog) throws IOException {
        Set<String> services = catalog.services().stream().map(ServiceType::code).collect(Collectors.toSet());
        try (InputStream s = seed("facility-standards.csv"); InputStream c = seed("star-criteria.csv")) {
            this.standards = FacilityStandard.read(s, services);
            this.schemes = StarScheme.read(c, services);
        }
        if (standards.isEmpty() || schemes.isEmpty()) {
            throw new IllegalStateException("seeds: facility-standards.csv and star-criteria.csv need at least one row each");
        }
    }

    private static InputStream seed(String name) throws IOException {
        return new ClassPathResource("seeds/" + name).getInputStream();
    }

    public List<FacilityStandard> standards() {
        return standards;
    }

    public List<StarScheme> schemes() {
        return schemes;
    }

    public Optional<FacilityStandard> standard(String code) {
        return standards.stream().filter(s -> s.code().equals(code)).findFirst();
    }

    public Optional<StarScheme> scheme(String code) {
        return schemes.stream().filter(s -> s.code().equals(code)).findFirst();
    }

    /** The national 双15 basic facilities: what a region is measured by until it chooses. */
    public FacilityStandard defaultStandard() {
        return standards.get(0);
    }

    public StarScheme defaultScheme() {
        return schemes.get(0);
    }
}
