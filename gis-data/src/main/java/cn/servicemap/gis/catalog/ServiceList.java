package cn.servicemap.gis.catalog;

import java.util.List;

/**
 * The outcome of {@link StationCatalog#resolveServices(String)}: the services recognised, in input
 * order without repeats, and the parts of the text that name no known service, as written (trimmed),
 * so that an importer can report "unknown service 'xxx'".
 *
 * @param services recognised services, first mention first
 * @param unknown  unrecognised parts of the input, in input order
 */
public record ServiceList(List<ServiceType> services, List<String> unknown) {

    public ServiceList {
        services = List.copyOf(services);
        unknown = List.copyOf(unknown);
    }

    /** The codes of {@link #services()}, e.g. {@code [WATER, MICROWAVE]}. */
    public List<String> codes() {
        return services.stream().map(ServiceType::code).toList();
    }

    /** Whether some part of the input named no known service. */
    public boolean hasUnknown() {
        return !unknown.isEmpty();
    }
}
