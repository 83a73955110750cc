package cn.servicemap.security;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The one-time command for users, e.g. the first administrator of a production database:
 * {@code SERVICEMAP_NEW_USER_PASSWORD=… java -jar servicemap.jar user add --username=admin --role=ADMIN} (or
 * {@code --role=DISTRICT_EDITOR --region=320100 --districts=320102,320104}). The password comes from the environment or
 * from a file ({@code --password-file=F}), never from the command line (which other users of the machine can see). Exits 0 when created, 2 on a refused value (said in words).
 */
@Component
@ConditionalOnProperty(name = "servicemap.command", havingValue = "user")
class UserCommand implements ApplicationRunner, ExitCodeGenerator {

    static final String PASSWORD_VARIABLE = "SERVICEMAP_NEW_USER_PASSWORD";

    private final UserService users;
    private final PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    private int exitCode;

    UserCommand(UserService users) {
        this.users = users;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<String> words = args.getNonOptionArgs();
        if (words.size() < 2 || !words.get(1).equals("add")) {
            out.println("用法 usage: user add --username=NAME --role=ADMIN|REGION_ADMIN|PLANNER|DISTRICT_EDITOR [--region=CODE] "
                    + "[--districts=ADCODE,…] [--name=显示名]，密码取自环境变量 " + PASSWORD_VARIABLE + " 或 --password-file=F");
            exitCode = 2;
            return;
        }
        try {
            Role role = Role.valueOf(option(args, "role", "").toUpperCase(Locale.ROOT));
            String districts = option(args, "districts", "");
            UserService.UserView u = users.create(new UserService.NewUser(option(args, "username", ""), option(args, "name", null),
                    password(args), role, option(args, "region", null),
                    districts.isBlank() ? List.of() : Arrays.stream(districts.split(",")).map(String::trim).toList()), "command line");
            out.println("已创建用户 " + u.username() + "（" + u.roleName() + "） (created user " + u.username() + ")");
        } catch (IllegalArgumentException e) {
            out.println("角色应为 ADMIN、REGION_ADMIN、PLANNER 或 DISTRICT_EDITOR (role must be one of them)");
            exitCode = 2;
        } catch (RuntimeException e) {
            out.println("未创建用户：" + e.getMessage() + (password(args) == null ? "（请设置环境变量 " + PASSWORD_VARIABLE + " 或 --password-file）" : ""));
            exitCode = 2;
        }
    }

    /** The new user's password: the environment variable, else the first line of --password-file. */
    private static String password(ApplicationArguments args) {
        String fromEnvironment = System.getenv(PASSWORD_VARIABLE);
        String file = option(args, "password-file", null);
        if (fromEnvironment != null || file == null) {
            return fromEnvironment;
        }
        try {
            return java.nio.file.Files.readAllLines(java.nio.file.Path.of(file), StandardCharsets.UTF_8).stream().findFirst().orElse("");
        } catch (java.io.IOException e) {
            throw new IllegalStateException("无法读取密码文件 " + file + " (cannot read the password file)");
        }
    }

    private static String option(ApplicationArguments args, String name, String otherwise) {
        List<String> v = args.getOptionValues(name);
        return v == null || v.isEmpty() ? otherwise : v.get(0);
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
