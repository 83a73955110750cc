package cn.servicemap.grades;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Star grades (星级): a station's reviews, recording one, and the reviews due in a region. */
@RestController
class GradeController {

    private final GradeService grades;
    private final java.time.Clock clock;

    GradeController(GradeService grades, java.time.Clock clock) {
        this.grades = grades;
        this.clock = clock;
    }

    @Operation(summary = "Record a star-grade review (记录星级评定): stars 1–5, review date (not in the future), reviewer, evidence",
            description = "By editors of the station's district (planners and region admins: their region). 400 lists every bad field; "
                    + "409 for a closed station. The newest review is the station's grade; reviews are never changed.")
    @PostMapping("/api/stations/{id}/grades")
    ResponseEntity<StarGrade> record(@PathVariable long id, @RequestBody GradeRequest body) {
        StarGrade saved = grades.record(id, body.checked(StationGrades.today(clock)));
        return ResponseEntity.created(URI.create("/api/stations/" + id + "/grades")).body(saved);
    }

    @Operation(summary = "A station's star grade, its reviews (newest first) and what the region's star criteria say of its record")
    @GetMapping("/api/stations/{id}/grades")
    GradeService.History history(@PathVariable long id) {
        return grades.history(id);
    }

    @Operation(summary = "Reviews due in the region (星级复核): never reviewed, a year since the last review, or flagged for a downgrade")
    @GetMapping("/api/planning/grades/due")
    GradeService.ReviewsDue due(@Parameter(description = "The region's code; may be left out while the instance holds one region")
                                @RequestParam(required = false) String region) {
        return grades.due(region);
    }
}
