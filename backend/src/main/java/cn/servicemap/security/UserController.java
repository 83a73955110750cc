package cn.servicemap.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Who is signed in (the pages show it), and a region's users (region admins create them). */
@RestController
class UserController {

    @Schema(description = "Who is signed in: nobody (signedIn false), a user, or the local demo planner (demo true)")
    record Me(boolean signedIn, @Schema(nullable = true) UserService.UserView user) {
    }

    record Users(List<UserService.UserView> users) {
    }

    private final UserService users;
    private final Access access;

    UserController(UserService users, Access access) {
        this.users = users;
        this.access = access;
    }

    @Operation(summary = "Who is signed in (当前用户)")
    @GetMapping("/api/me")
    Me me() {
        return access.current().map(u -> new Me(true, UserService.UserView.of(u.user(), u.demo()))).orElse(new Me(false, null));
    }

    @Operation(summary = "The users of a region (用户), or all for an admin")
    @GetMapping("/api/users")
    Users list(@Parameter(description = "The region's code") @RequestParam(required = false) String region) {
        if (region == null || region.isBlank()) {
            access.requireEveryRegion("region", Role.ADMIN);
            return new Users(users.list(null));
        }
        access.requireRegion("region", region.strip(), Role.REGION_ADMIN);
        return new Users(users.list(region.strip()));
    }

    @Operation(summary = "Create a user (新建用户): a region admin for their region's editors, planners and admins; an admin for anyone")
    @PostMapping("/api/users")
    ResponseEntity<UserService.UserView> create(@RequestBody UserService.NewUser body) {
        if (body.role() == Role.ADMIN || body.region() == null || body.region().isBlank()) {
            access.requireEveryRegion("role", Role.ADMIN);
        } else {
            access.requireRegion("region", body.region().strip(), Role.REGION_ADMIN);
        }
        UserService.UserView created = users.create(body, access.actor());
        return ResponseEntity.created(URI.create("/api/users/" + created.username())).body(created);
    }

    @Operation(summary = "Change a user (修改用户): name, role and scope, 停用 (enabled=false), 重置密码; their sessions end when what they "
            + "may do changes")
    @PatchMapping("/api/users/{username}")
    UserService.UserView change(@PathVariable String username, @RequestBody UserService.UserChange body) {
        AppUser target = users.find(username);
        boolean staysInRegion = target.regionCode() != null && target.role() != Role.ADMIN && body.role() != Role.ADMIN
                && (body.region() == null || body.region().strip().equals(target.regionCode()));
        if (staysInRegion) {
            access.requireRegion("username", target.regionCode(), Role.REGION_ADMIN); // a region admin manages their region's users
        } else {
            access.requireEveryRegion("role", Role.ADMIN);
        }
        return users.change(username, body, access.actor());
    }

    @Operation(summary = "Change your own password (修改密码); you sign in again afterwards")
    @PostMapping("/api/me/password")
    ResponseEntity<Void> changeOwnPassword(@RequestBody UserService.PasswordChange body) {
        SignedInUser me = access.current().filter(u -> !u.demo()).orElseThrow(() -> new cn.servicemap.system.ForbiddenException("currentPassword",
                "演示用户没有密码 (the demo planner has no password to change)"));
        users.changeOwnPassword(me.getUsername(), body);
        return ResponseEntity.noContent().build();
    }
}
