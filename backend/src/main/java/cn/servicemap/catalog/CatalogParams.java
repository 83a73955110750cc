package cn.servicemap.catalog;

import cn.servicemap.gis.catalog.StationCatalog;
import cn.servicemap.system.FieldError;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Reads kind and service query parameters the way every endpoint takes them: codes or Chinese names,
 * repeated or comma-separated; unknown ones become field errors.
 */
@Component
public class CatalogParams {

    private final StationCatalog catalog;

    CatalogParams(StationCatalog catalog) {
        this.catalog = catalog;
    }

    public Set<String> kinds(List<String> values, String field, List<FieldError> errors) {
        Set<String> codes = new LinkedHashSet<>();
        for (String v : split(values)) {
            catalog.resolveKind(v).ifPresentOrElse(k -> codes.add(k.code()),
                    () -> errors.add(new FieldError(field, "未知的站点类型“" + v + "” (unknown kind)", "UNKNOWN_KIND")));
        }
        return codes;
    }

    public Set<String> services(List<String> values, String field, List<FieldError> errors) {
        Set<String> codes = new LinkedHashSet<>();
        for (String v : split(values)) {
            catalog.resolveService(v).ifPresentOrElse(s -> codes.add(s.code()),
                    () -> errors.add(new FieldError(field, "未知的服务项目“" + v + "” (unknown service)", "UNKNOWN_SERVICE")));
        }
        return codes;
    }

    /** Values repeated or separated by commas (ASCII or full-width), blanks and JSON nulls dropped. */
    public static List<String> split(List<String> values) {
        if (values == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String v : values) {
            if (v == null) {
                continue;
            }
            for (String part : v.split("[,，]")) {
                if (!part.isBlank()) {
                    out.add(part.trim());
                }
            }
        }
        return out;
    }
}
