package cn.servicemap.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaParameterizedType;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/**
 * The API is typed: no {@code Map<String, Object>} in any field, parameter or return type of the backend's own
 * code, and every controller answers a record (directly or in a ResponseEntity), a byte array or nothing.
 */
class TypedApiArchitectureTest {

    private static final JavaClasses BACKEND = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("cn.servicemap");

    @Test
    void shouldHaveNoStringToObjectMapsInSignatures() {
        List<String> found = new ArrayList<>();
        for (JavaClass c : BACKEND) {
            if (c.getPackageName().startsWith("cn.servicemap.gis")) {
                continue; // gis-data, a library of its own (its GeoJSON writer hands maps to any JSON library)
            }
            for (JavaField f : c.getFields()) {
                if (isStringObjectMap(f.getType())) {
                    found.add(f.getFullName());
                }
            }
            for (JavaCodeUnit u : c.getCodeUnits()) {
                if (isStringObjectMap(u.getReturnType()) || u.getParameters().stream().anyMatch(p -> isStringObjectMap(p.getType()))) {
                    found.add(u.getFullName());
                }
            }
        }
        assertThat(found).isEmpty();
    }

    @Test
    void shouldAnswerRecordsFromEveryController() {
        List<String> untyped = new ArrayList<>();
        int endpoints = 0;
        for (JavaClass c : BACKEND) {
            if (!c.isAnnotatedWith(RestController.class)) {
                continue;
            }
            for (JavaMethod m : c.getMethods()) {
                if (!m.isAnnotatedWith(org.springframework.web.bind.annotation.RequestMapping.class)
                        && m.getAnnotations().stream().noneMatch(a -> a.getRawType().isMetaAnnotatedWith(
                        org.springframework.web.bind.annotation.RequestMapping.class))) {
                    continue;
                }
                endpoints++;
                JavaType answer = m.getReturnType();
                if (answer instanceof JavaParameterizedType p && p.toErasure().isEquivalentTo(ResponseEntity.class)) {
                    answer = p.getActualTypeArguments().get(0);
                }
                JavaClass raw = answer.toErasure();
                // RFC 9457's own type for the error page, as the exception handlers answer
                boolean ok = raw.isRecord() || raw.isEquivalentTo(byte[].class) || raw.isEquivalentTo(Void.class)
                        || raw.isEquivalentTo(void.class) || raw.isEquivalentTo(org.springframework.http.ProblemDetail.class);
                if (!ok) {
                    untyped.add(m.getFullName() + " answers " + answer.getName());
                }
            }
        }
        assertThat(endpoints).isGreaterThan(25);
        assertThat(untyped).isEmpty();
    }

    private static boolean isStringObjectMap(JavaType type) {
        if (!(type instanceof JavaParameterizedType p) || !p.toErasure().isAssignableTo(Map.class)) {
            return false;
        }
        List<JavaType> args = p.getActualTypeArguments();
        return args.size() == 2 && args.get(0).toErasure().isEquivalentTo(String.class)
                && args.get(1).toErasure().isEquivalentTo(Object.class);
    }
}
