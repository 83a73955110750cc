package cn.servicemap.security;

import cn.servicemap.system.AuditLog;
import cn.servicemap.districts.DistrictRepository;
import cn.servicemap.system.ConflictException;
import cn.servicemap.system.InvalidRequestException;
import cn.servicemap.system.ServiceMapProperties;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Users: creating them (checked: a name, a password of at least 12 characters, a role with a scope that exists), finding
 * them for login, and the lockout after {@code maxFailedLogins} failed logins in a row (for {@code lockoutMinutes}).
 * On start, when no user exists and {@code servicemap.security.admin-username} / {@code admin-password} are set, the
 * first administrator is created from them; there is no default password.
 */
@Service
public class UserService implements UserDetailsService, ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(UserService.class);
    static final int MIN_PASSWORD_LENGTH = 12;

    @Schema(description = "A new user (新用户)")
    public record NewUser(String username, @Schema(nullable = true) String displayName, String password, Role role,
                          @Schema(description = "The region the role applies to; null only for an admin", nullable = true) String region,
                          @Schema(description = "For a district editor: the district adcodes they edit", nullable = true) List<String> districts) {
    }

    @Schema(description = "A change to a user (修改用户): the fields given change, the others stay")
    public record UserChange(@Schema(nullable = true) String displayName, @Schema(nullable = true) Role role,
                             @Schema(description = "The region the role applies to", nullable = true) String region,
                             @Schema(description = "For a district editor: the district adcodes they edit", nullable = true) List<String> districts,
                             @Schema(description = "false: the user can no longer sign in (停用)", nullable = true) Boolean enabled,
                             @Schema(description = "A new password (重置密码), at least 12 characters", nullable = true) String password) {
    }

    @Schema(description = "A user's own password change (修改密码)")
    public record PasswordChange(String currentPassword, String newPassword) {
    }

    @Schema(description = "A user as the API shows it (no password)")
    public record UserView(String username, String displayName, Role role, String roleName, @Schema(nullable = true) String region,
                           Set<String> districts, boolean demo, boolean enabled) {
        static UserView of(AppUser u, boolean demo) {
            return new UserView(u.username(), u.displayName(), u.role(), u.role().nameZh(), u.regionCode(), u.districts(), demo,
                    u.enabled());
        }
    }

    private final UserRepository users;
    private final DistrictRepository districts;
    private final PasswordEncoder encoder;
    private final ServiceMapProperties.Security settings;
    private final Clock clock;

    private final AuditLog audit;

    UserService(UserRepository users, DistrictRepository districts, PasswordEncoder encoder, ServiceMapProperties properties, Clock clock,
                AuditLog audit) {
        this.audit = audit;
        this.users = users;
        this.districts = districts;
        this.encoder = encoder;
        this.settings = properties.security();
        this.clock = clock;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return users.find(username == null ? "" : username.strip())
                .map(u -> new SignedInUser(u, false, clock))
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
    }

    /** Creates the first administrator from the settings when there is no user yet. */
    @Override
    public void run(ApplicationArguments args) {
        if (users.count() > 0) {
            return;
        }
        String name = settings.adminUsername();
        if (name == null || name.isBlank()) {
            log.warn("No user exists yet, so nobody can sign in to change data: set servicemap.security.admin-username and "
                    + "admin-password (SERVICEMAP_SECURITY_ADMIN_USERNAME / _PASSWORD) for the first administrator, then restart.");
            return;
        }
        create(new NewUser(name, "系统管理员", settings.adminPassword(), Role.ADMIN, null, List.of()), "configuration");
        log.info("Created the first administrator {} from the configuration.", name);
    }

    /** Creates a user; a bad field is a 400 naming it, a taken name a 409. */
    public UserView create(NewUser u, String createdBy) {
        String username = u.username() == null ? "" : u.username().strip();
        if (!username.matches("[A-Za-z0-9._@-]{3,64}")) {
            throw new InvalidRequestException("username", "用户名须为 3–64 个字母、数字或 . _ @ - (3–64 letters, digits or . _ @ -)");
        }
        checkPassword("password", u.password());
        if (u.role() == null) {
            throw new InvalidRequestException("role", "请选择角色 (a role is required: DISTRICT_EDITOR, PLANNER, REGION_ADMIN, ADMIN)");
        }
        String region = u.region() == null || u.region().isBlank() ? null : u.region().strip();
        Set<String> adcodes = scope(u.role(), region, u.districts());
        if (users.find(username).isPresent()) {
            throw new ConflictException(HttpStatus.CONFLICT, "username", "用户名已存在 (the username is taken)");
        }
        String display = u.displayName() == null || u.displayName().isBlank() ? username : u.displayName().strip();
        AppUser user = new AppUser(username, display.length() > 100 ? display.substring(0, 100) : display, encoder.encode(u.password()),
                u.role(), region, adcodes, true, 0, null);
        users.insert(user, OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS), createdBy);
        UserView view = UserView.of(user, false);
        audit.record(AuditLog.Entity.USER, username, "CREATE", createdBy, region, null, view);
        return view;
    }

    /**
     * Changes a user: name, role and its scope, enabled, a new password. A bad field is a 400 naming it; disabling or
     * demoting the last enabled administrator is a 409. A change to what the user may do (role, region, districts,
     * enabled, password) ends their signed-in sessions on every instance: they sign in again with what they now are.
     */
    public UserView change(String username, UserChange c, String actor) {
        AppUser before = find(username);
        Role role = c.role() == null ? before.role() : c.role();
        String region = c.region() == null ? before.regionCode() : c.region().isBlank() ? null : c.region().strip();
        List<String> wanted = c.districts() != null ? c.districts()
                : role == Role.DISTRICT_EDITOR && role == before.role() && java.util.Objects.equals(region, before.regionCode())
                ? List.copyOf(before.districts()) : List.of();
        Set<String> adcodes = scope(role, region, wanted);
        if (c.password() != null) {
            checkPassword("password", c.password());
        }
        boolean enabled = c.enabled() == null ? before.enabled() : c.enabled();
        String display = c.displayName() == null || c.displayName().isBlank() ? before.displayName() : c.displayName().strip();
        AppUser after = new AppUser(before.username(), display.length() > 100 ? display.substring(0, 100) : display,
                c.password() == null ? before.passwordHash() : encoder.encode(c.password()), role, region, adcodes, enabled,
                before.failedLogins(), before.lockedUntil());
        if (before.role() == Role.ADMIN && before.enabled() && (role != Role.ADMIN || !enabled) && users.enabledAdmins() <= 1) {
            throw new ConflictException(HttpStatus.CONFLICT, c.enabled() != null && !enabled ? "enabled" : "role",
                    "这是最后一个启用的系统管理员，不能停用或降级 (the last enabled administrator cannot be disabled or demoted)");
        }
        users.update(after, c.password() != null);
        boolean mayDoOtherwise = c.password() != null || role != before.role() || !java.util.Objects.equals(region, before.regionCode())
                || !adcodes.equals(before.districts()) || enabled != before.enabled();
        int ended = mayDoOtherwise ? users.endSessions(username) : 0;
        UserView view = UserView.of(after, false);
        audit.record(AuditLog.Entity.USER, username, c.password() != null ? "CHANGE_PASSWORD" : "CHANGE", actor,
                region != null ? region : before.regionCode(), UserView.of(before, false), view);
        log.info("User {} changed by {}{}", username, actor, ended > 0 ? "; " + ended + " signed-in session(s) ended" : "");
        return view;
    }

    /** A signed-in user's own new password, given the current one; their sessions end (they sign in again). */
    public void changeOwnPassword(String username, PasswordChange c) {
        AppUser user = find(username);
        if (c.currentPassword() == null || !encoder.matches(c.currentPassword(), user.passwordHash())) {
            throw new InvalidRequestException("currentPassword", "当前密码不正确 (the current password is wrong)");
        }
        checkPassword("newPassword", c.newPassword());
        users.update(new AppUser(user.username(), user.displayName(), encoder.encode(c.newPassword()), user.role(), user.regionCode(),
                user.districts(), user.enabled(), 0, null), true);
        users.endSessions(username);
        audit.record(AuditLog.Entity.USER, username, "CHANGE_PASSWORD", username, user.regionCode(), null, null);
    }

    /** The stored user; 404 when there is none. */
    public AppUser find(String username) {
        return users.find(username == null ? "" : username.strip()).orElseThrow(() -> new cn.servicemap.system.NotFoundException(
                "没有用户 " + username + " (no such user)"));
    }

    private static void checkPassword(String field, String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH || password.length() > 200) {
            throw new InvalidRequestException(field, "密码至少 " + MIN_PASSWORD_LENGTH + " 个字符 (a password of at least "
                    + MIN_PASSWORD_LENGTH + " characters)");
        }
    }

    /** A role's scope checked: every role but admin has a region; a district editor has districts of that region. */
    private Set<String> scope(Role role, String region, List<String> wanted) {
        if (region == null && role != Role.ADMIN) {
            throw new InvalidRequestException("region", "除系统管理员外须指定区域 (every role but admin needs a region)");
        }
        Set<String> adcodes = new LinkedHashSet<>();
        if (role == Role.DISTRICT_EDITOR) {
            if (wanted == null || wanted.isEmpty()) {
                throw new InvalidRequestException("districts", "区县编辑须指定所辖区县 (a district editor needs districts)");
            }
            for (String d : wanted) {
                String code = d == null ? "" : d.strip();
                if (!region.equals(districts.regionOf(code).orElse(null))) {
                    throw new InvalidRequestException("districts", "区县 " + code + " 不在区域 " + region + " 内 (district not in the region)");
                }
                adcodes.add(code);
            }
        }
        return adcodes;
    }

    public List<UserView> list(String regionCode) {
        return users.findAll().stream().filter(u -> regionCode == null || regionCode.equals(u.regionCode()))
                .map(u -> UserView.of(u, false)).toList();
    }

    @EventListener
    void onFailure(AuthenticationFailureBadCredentialsEvent e) {
        String name = String.valueOf(e.getAuthentication().getName());
        users.failedLogin(name, settings.maxFailedLogins(), OffsetDateTime.now(clock).plusMinutes(settings.lockoutMinutes())
                .truncatedTo(ChronoUnit.MICROS));
        log.warn("Failed login for user {}; the account locks for {} min after {} failures in a row.", name, settings.lockoutMinutes(),
                settings.maxFailedLogins());
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent e) {
        if (e.getAuthentication().getPrincipal() instanceof SignedInUser u && !u.demo()) {
            users.loggedIn(u.getUsername());
        }
    }
}
