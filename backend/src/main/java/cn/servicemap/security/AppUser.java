package cn.servicemap.security;

import java.time.OffsetDateTime;
import java.util.Set;

/**
 * A user: who they are, their role and its scope.
 *
 * @param regionCode the region the role applies to, or null for every region (admins, and the local demo planner)
 * @param districts  for a district editor, the district adcodes they edit; empty for other roles
 * @param lockedUntil after too many failed logins, no login is accepted before this; null when not locked
 */
public record AppUser(String username, String displayName, String passwordHash, Role role, String regionCode, Set<String> districts,
                      boolean enabled, int failedLogins, OffsetDateTime lockedUntil)
        implements java.io.Serializable {

    public AppUser {
        districts = Set.copyOf(districts);
    }
}
