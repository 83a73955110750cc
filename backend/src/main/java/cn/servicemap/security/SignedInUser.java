package cn.servicemap.security;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** A user as Spring Security sees them: the stored user, their authorities (their role and the roles below it), lockout. */
public final class SignedInUser implements UserDetails {

    private final AppUser user;
    private final boolean demo;
    private final boolean locked;

    SignedInUser(AppUser user, boolean demo, Clock clock) {
        this.user = user;
        this.demo = demo;
        this.locked = user.lockedUntil() != null && user.lockedUntil().isAfter(OffsetDateTime.now(clock));
    }

    public AppUser user() {
        return user;
    }

    /** The local demo planner (演示规划员), not a stored account. */
    public boolean demo() {
        return demo;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        List<GrantedAuthority> out = Arrays.stream(user.role().authorities()).map(a -> (GrantedAuthority) new SimpleGrantedAuthority(a)).toList();
        return out;
    }

    @Override
    public String getPassword() {
        return user.passwordHash();
    }

    @Override
    public String getUsername() {
        return user.username();
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public boolean isEnabled() {
        return user.enabled();
    }
}
