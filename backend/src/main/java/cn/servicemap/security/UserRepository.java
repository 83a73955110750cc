package cn.servicemap.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Users in table {@code app_user} (the same SQL on both databases). */
@Repository
class UserRepository {

    private final JdbcClient jdbc;

    UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<AppUser> find(String username) {
        return jdbc.sql("SELECT * FROM app_user WHERE username = ?").param(username).query(this::map).optional();
    }

    List<AppUser> findAll() {
        return jdbc.sql("SELECT * FROM app_user ORDER BY username").query(this::map).list();
    }

    long count() {
        return jdbc.sql("SELECT COUNT(*) FROM app_user").query(Long.class).single();
    }

    void insert(AppUser u, OffsetDateTime at, String createdBy) {
        jdbc.sql("""
                        INSERT INTO app_user (username, display_name, password_hash, role, region_code, districts, enabled, failed_logins,
                                              locked_until, created_at, created_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?, 0, NULL, ?, ?)""")
                .params(u.username(), u.displayName(), u.passwordHash(), u.role().name(), u.regionCode(),
                        u.districts().isEmpty() ? null : String.join(",", u.districts().stream().sorted().toList()), u.enabled(), at, createdBy)
                .update();
    }

    /** Writes a user's changed fields (not their login counters but a password change, which also unlocks). */
    void update(AppUser u, boolean passwordChanged) {
        jdbc.sql("UPDATE app_user SET display_name = ?, password_hash = ?, role = ?, region_code = ?, districts = ?, enabled = ? WHERE username = ?")
                .params(u.displayName(), u.passwordHash(), u.role().name(), u.regionCode(),
                        u.districts().isEmpty() ? null : String.join(",", u.districts().stream().sorted().toList()), u.enabled(), u.username())
                .update();
        if (passwordChanged) {
            jdbc.sql("UPDATE app_user SET failed_logins = 0, locked_until = NULL WHERE username = ?").param(u.username()).update();
        }
    }

    /** Ends every signed-in session of the user, on every instance (they are in the database): they sign in again. */
    int endSessions(String username) {
        return jdbc.sql("DELETE FROM SPRING_SESSION WHERE PRINCIPAL_NAME = ?").param(username).update();
    }

    /** Enabled administrators. */
    long enabledAdmins() {
        return jdbc.sql("SELECT COUNT(*) FROM app_user WHERE role = 'ADMIN' AND enabled").query(Long.class).single();
    }

    /** Counts a failed login; locks the account until {@code lockUntil} when the count reaches {@code max}. */
    void failedLogin(String username, int max, OffsetDateTime lockUntil) {
        jdbc.sql("UPDATE app_user SET failed_logins = failed_logins + 1 WHERE username = ?").param(username).update();
        jdbc.sql("UPDATE app_user SET locked_until = ?, failed_logins = 0 WHERE username = ? AND failed_logins >= ?")
                .params(lockUntil, username, max).update();
    }

    /** A login succeeded: the failures before it are forgotten (no write at all when there were none: API calls sign in each time). */
    void loggedIn(String username) {
        jdbc.sql("UPDATE app_user SET failed_logins = 0, locked_until = NULL WHERE username = ? AND (failed_logins <> 0 OR locked_until IS NOT NULL)")
                .param(username).update();
    }

    private AppUser map(ResultSet rs, int n) throws SQLException {
        String districts = rs.getString("districts");
        Set<String> set = districts == null ? Set.of() : Arrays.stream(districts.split(",")).map(String::trim)
                .filter(s -> !s.isEmpty()).collect(Collectors.toSet());
        return new AppUser(rs.getString("username"), rs.getString("display_name"), rs.getString("password_hash"),
                Role.valueOf(rs.getString("role")), rs.getString("region_code"), set, rs.getBoolean("enabled"),
                rs.getInt("failed_logins"), rs.getObject("locked_until", OffsetDateTime.class));
    }
}
