package cn.servicemap.compliance;

import cn.servicemap.gis.catalog.PolicyTarget;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/** The policy targets and national figures of {@code seeds/policy-targets.csv}: the defaults every region starts from. */
@Component
public class PolicyTargets {

    private final List<PolicyTarget> all;

    PolicyTargets() throws IOException {
        try (InputStream in = new ClassPathResource("seeds/policy-targets.csv").getInputStream()) {
            this.all = PolicyTarget.read(in);
        }
    }

    public List<PolicyTarget> all() {
        return all;
    }

    public Optional<PolicyTarget> find(String code) {
        return all.stream().filter(t -> t.code().equals(code)).findFirst();
    }
}
