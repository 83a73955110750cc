package cn.servicemap.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.servicemap.ServiceMapApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/** {@code java -jar servicemap.jar user add …}: the first administrator of a production database, with no default password. */
@ExtendWith(OutputCaptureExtension.class)
class UserCommandTest {

    @TempDir
    Path dir;

    private int run(String... args) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 1);
        all[args.length] = "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("db") + ";DB_CLOSE_ON_EXIT=FALSE";
        ConfigurableApplicationContext context = ServiceMapApplication.runCommand(all);
        return SpringApplication.exit(context);
    }

    @Test
    void shouldCreateTheFirstAdministratorWithThePasswordFromAFile(CapturedOutput output) throws Exception {
        Path password = Files.writeString(dir.resolve("pw"), "first-admin-password\n");
        assertThat(run("user", "add", "--username=first-admin", "--role=ADMIN", "--password-file=" + password)).isZero();
        assertThat(output).contains("created user first-admin");
        Path weak = Files.writeString(dir.resolve("weak"), "short");
        assertThat(run("user", "add", "--username=second", "--role=ADMIN", "--password-file=" + weak)).isEqualTo(2);
        assertThat(output).contains("密码至少 12 个字符");
        assertThat(run("user", "add", "--username=third", "--role=KING", "--password-file=" + password)).isEqualTo(2);
        assertThat(run("user", "add", "--username=first-admin", "--role=ADMIN", "--password-file=" + password)).isEqualTo(2);
        assertThat(output).contains("username is taken");
        assertThat(run("user", "remove")).isEqualTo(2);
    }
}
