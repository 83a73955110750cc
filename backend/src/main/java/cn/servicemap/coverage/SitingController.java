package cn.servicemap.coverage;

import cn.servicemap.jobs.Job;
import cn.servicemap.jobs.JobService;
import cn.servicemap.system.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Siting new stations (选址) as a job: start it, watch it at /api/jobs/{id}, read its answer here. */
@RestController
class SitingController {

    private final SitingService siting;
    private final JobService jobs;

    SitingController(SitingService siting, JobService jobs) {
        this.siting = siting;
        this.jobs = jobs;
    }

    @Operation(summary = "Where new stations should go (选址): the most people newly within the band, or the fewest sites for a target; "
            + "answers 202 with a job (progress at /api/jobs/{id}, the answer at /api/planning/siting/{id})")
    @PostMapping("/api/planning/siting")
    ResponseEntity<Job> start(@RequestBody SitingService.Request body) {
        String region = siting.check(body);
        CompletableFuture<String> id = new CompletableFuture<>();
        Job job = jobs.start("siting", region, SitingService.STAGES, progress -> {
            SitingService.Result r = siting.site(body, progress);
            siting.remember(id.join(), r);
            return "建议 " + r.sites().size() + " 个新站点，新增覆盖 " + r.peopleGained() + " 人 (" + r.sites().size()
                    + " sites, " + r.peopleGained() + " people newly within " + r.minutes() + " min): /api/planning/siting/" + id.join();
        });
        id.complete(job.id());
        return ResponseEntity.accepted().location(URI.create("/api/jobs/" + job.id())).body(job);
    }

    @Operation(summary = "The answer of a finished siting job (选址结果)")
    @GetMapping("/api/planning/siting/{id}")
    SitingService.Result result(@PathVariable String id) {
        return siting.find(id).orElseThrow(() -> new NotFoundException(
                "没有这个选址结果：任务不存在、尚未完成或已失败，请看 /api/jobs/" + id + " (no siting answer for job " + id
                        + ": unknown, not finished or failed; see /api/jobs/" + id + ")"));
    }
}
