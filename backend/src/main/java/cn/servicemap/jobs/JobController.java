package cn.servicemap.jobs;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Long work in progress (任务): watch it, or stop it. */
@RestController
class JobController {

    private final JobService jobs;

    private final cn.servicemap.security.Access access;

    JobController(JobService jobs, cn.servicemap.security.Access access) {
        this.jobs = jobs;
        this.access = access;
    }

    @Operation(summary = "A job's stage, percent done, estimated time left and outcome (任务进度)")
    @GetMapping("/api/jobs/{id}")
    Job get(@PathVariable String id) {
        return jobs.get(id);
    }

    @Operation(summary = "Stop a job at its next check (取消任务); a queued job never starts")
    @DeleteMapping("/api/jobs/{id}")
    Job cancel(@PathVariable String id) {
        // a job's subject is the region it works on: its planners may stop it
        access.requireRegion("id", jobs.get(id).subject(), cn.servicemap.security.Role.PLANNER);
        return jobs.cancel(id);
    }
}
