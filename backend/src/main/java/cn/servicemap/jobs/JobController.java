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

    JobController(JobService jobs) {
        this.jobs = jobs;
    }

    @Operation(summary = "A job's stage, percent done, estimated time left and outcome (任务进度)")
    @GetMapping("/api/jobs/{id}")
    Job get(@PathVariable String id) {
        return jobs.get(id);
    }

    @Operation(summary = "Stop a job at its next check (取消任务); a queued job never starts")
    @DeleteMapping("/api/jobs/{id}")
    Job cancel(@PathVariable String id) {
        return jobs.cancel(id);
    }
}
