package cn.servicemap.security;

/**
 * What a user may do, each role including the ones below it within the user's scope: a district editor edits stations of
 * their districts; a planner also runs siting, scenarios, targets and station imports for their region; a region admin
 * also imports the region's districts, census and road network and manages its users; an admin does everything
 * everywhere. Reading (stations, nearest, coverage, the pages) and workers' problem reports need no login.
 */
public enum Role {
    DISTRICT_EDITOR("区县编辑"),
    PLANNER("规划员"),
    REGION_ADMIN("区域管理员"),
    ADMIN("系统管理员");

    private final String nameZh;

    Role(String nameZh) {
        this.nameZh = nameZh;
    }

    public String nameZh() {
        return nameZh;
    }

    /** Whether this role includes {@code other}. */
    public boolean includes(Role other) {
        return ordinal() >= other.ordinal();
    }

    /** The Spring Security authority of this role and of every role below it (hierarchy without a RoleHierarchy bean). */
    String[] authorities() {
        String[] out = new String[ordinal() + 1];
        for (int i = 0; i <= ordinal(); i++) {
            out[i] = "ROLE_" + values()[i].name();
        }
        return out;
    }
}
