package cn.servicemap.coverage;

import cn.servicemap.jobs.Job;
import cn.servicemap.jobs.JobService;
import cn.servicemap.system.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import cn.servicemap.system.Spreadsheet;
import java.net.URI;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
    private final Clock clock;

    SitingController(SitingService siting, JobService jobs, Clock clock) {
        this.siting = siting;
        this.jobs = jobs;
        this.clock = clock;
    }

    @Operation(summary = "Where new stations should go (选址): the most people newly within the band, or the fewest sites for a target; "
            + "answers 202 with a job (progress at /api/jobs/{id}, the answer at /api/planning/siting/{id})")
    @PostMapping("/api/planning/siting")
    ResponseEntity<Job> start(@RequestBody SitingService.Request body) {
        String region = siting.check(body);
        CompletableFuture<String> id = new CompletableFuture<>();
        Job job = jobs.start("siting", region, SitingService.STAGES, progress -> {
            SitingService.Result r = siting.site(body, progress);
            return new JobService.Outcome("建议 " + r.sites().size() + " 个新站点，新增覆盖 " + r.peopleGained() + " 人 (" + r.sites().size()
                    + " sites, " + r.peopleGained() + " people newly within " + r.minutes() + " min): /api/planning/siting/" + id.join(), r);
        });
        id.complete(job.id());
        return ResponseEntity.accepted().location(URI.create("/api/jobs/" + job.id())).body(job);
    }

    @Operation(summary = "Download the answer of a finished siting job as XLSX (导出选址结果)")
    @GetMapping("/api/planning/siting/{id}/export")
    ResponseEntity<byte[]> export(@PathVariable String id) {
        SitingService.Result r = result(id);
        OffsetDateTime at = OffsetDateTime.now(clock);
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of("选址结果 " + r.region().name() + "（" + r.region().code() + "） 数据版本 " + r.dataVersion() + " 生成于 "
                + at.toLocalDate() + " " + at.toLocalTime().withNano(0)));
        rows.add(List.of("目标", r.objective() == SitingService.Objective.MIN_SITES ? "达到目标覆盖率，站点最少" : "新增站点覆盖最多的人"));
        rows.add(List.of("出行方式", r.profile().chineseLabel()));
        rows.add(List.of("服务圈（分钟）", r.minutes()));
        rows.add(List.of("方法", r.method()));
        rows.add(List.of("候选点数", r.candidates()));
        rows.add(List.of("人口（路网覆盖部分）", r.people()));
        rows.add(List.of("现有覆盖人口", r.peopleWithinBefore()));
        rows.add(List.of("新增覆盖人口", r.peopleGained()));
        rows.add(List.of("选址后覆盖人口", r.peopleWithinAfter()));
        rows.add(Arrays.asList("上界（同样站点数最多可新增）", r.upperBound()));
        rows.add(Arrays.asList("与上界的差距（%）", r.gapPercent()));
        rows.add(Arrays.asList("至少需要的站点数", r.fewestPossible()));
        rows.add(List.of());
        rows.add(List.of("序号", "名称", "道路", "经度（WGS84）", "纬度（WGS84）", "新增覆盖人口"));
        for (SitingService.Site s : r.sites()) {
            rows.add(Arrays.asList(s.rank(), s.name(), s.street(), s.lon(), s.lat(), s.peopleGained()));
        }
        return Spreadsheet.download(Spreadsheet.xlsx(List.of(new Spreadsheet.Sheet("选址结果", rows))), Spreadsheet.XLSX,
                "siting-" + r.region().code() + "-" + id + ".xlsx");
    }

    @Operation(summary = "The answer of a finished siting job (选址结果)")
    @GetMapping("/api/planning/siting/{id}")
    SitingService.Result result(@PathVariable String id) {
        return jobs.answer(id, SitingService.Result.class).orElseThrow(() -> new NotFoundException(
                "没有这个选址结果：任务不存在、尚未完成或已失败，请看 /api/jobs/" + id + " (no siting answer for job " + id
                        + ": unknown, not finished or failed; see /api/jobs/" + id + ")"));
    }
}
