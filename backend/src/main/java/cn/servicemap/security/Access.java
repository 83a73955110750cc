package cn.servicemap.security;

import cn.servicemap.districts.DistrictRepository;
import cn.servicemap.system.ForbiddenException;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Who is acting, and whether they may act here: the scope checks the URL rules cannot make (which district a station is
 * in, which region a scenario or an import is for). A refusal is a {@link ForbiddenException} (403) naming the field.
 */
@Component
public class Access {

    private final DistrictRepository districts;

    Access(DistrictRepository districts) {
        this.districts = districts;
    }

    /** The signed-in user, if any. */
    public Optional<SignedInUser> current() {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        return a != null && a.getPrincipal() instanceof SignedInUser u ? Optional.of(u) : Optional.empty();
    }

    /** The name audit records carry for the acting user ("anonymous" for a request nobody signed, "system" outside requests). */
    public String actor() {
        return current().map(u -> u.demo() ? u.getUsername() + " (demo)" : u.getUsername())
                .orElse(org.springframework.web.context.request.RequestContextHolder.getRequestAttributes() == null
                        ? "system" : "anonymous"); // no request: the command line, start-up or a job
    }

    /**
     * May the user edit stations in these districts (adcodes; a null one is a place outside every district)? A district
     * editor: only their own districts; a planner or region admin: the districts of their region; an admin: anywhere.
     */
    public void requireStationEdit(String field, String... adcodes) {
        AppUser u = user(field);
        for (String adcode : adcodes) {
            String refusal = refusal(u, adcode);
            if (refusal != null) {
                throw new ForbiddenException(field, refusal);
            }
        }
    }

    /** Whether the signed-in user may edit stations of the district (false for nobody signed in): {@link #requireStationEdit}'s rule. */
    public boolean mayEditStation(String adcode) {
        return current().map(u -> refusal(u.user(), adcode) == null).orElse(false);
    }

    /** Why the user may not edit stations of the district, or null when they may. */
    private String refusal(AppUser u, String adcode) {
        if (u.role() == Role.ADMIN || u.regionCode() == null && u.role().includes(Role.PLANNER)) {
            return null;
        }
        if (adcode == null) {
            return "该位置不在任何区县内，只有系统管理员可以编辑 (outside every district: admins only)";
        }
        if (u.role() == Role.DISTRICT_EDITOR) {
            return u.districts().contains(adcode) ? null : "您只能编辑所辖区县（" + String.join("、", u.districts().stream().sorted().toList())
                    + "）的站点，此站点在 " + adcode + " (you edit stations of your own districts only)";
        }
        return u.regionCode().equals(districts.regionOf(adcode).orElse(null)) ? null
                : "此站点不在您的区域 " + u.regionCode() + " 内 (the station is outside your region)";
    }

    /** May the user act with at least {@code role} in this region? */
    public void requireRegion(String field, String regionCode, Role role) {
        AppUser u = user(field);
        if (!u.role().includes(role)) {
            throw new ForbiddenException(field, "需要“" + role.nameZh() + "”或以上角色 (needs the " + role + " role or above)");
        }
        if (u.role() != Role.ADMIN && u.regionCode() != null && !u.regionCode().equals(regionCode)) {
            throw new ForbiddenException(field, "您只能操作区域 " + u.regionCode() + " (you act on your own region only)");
        }
    }

    /** May the user act with at least {@code role} on every region (creating a region, the holiday calendar, all users)? */
    public void requireEveryRegion(String field, Role role) {
        AppUser u = user(field);
        if (!u.role().includes(role) || u.role() != Role.ADMIN && u.regionCode() != null) {
            throw new ForbiddenException(field, "只有系统管理员可以这样做（它涉及所有区域）(only an administrator may do this: it concerns "
                    + "every region)");
        }
    }

    private AppUser user(String field) {
        return current().map(SignedInUser::user)
                .orElseThrow(() -> new ForbiddenException(field, "请先登录 (sign in first)"));
    }
}
