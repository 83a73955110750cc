package cn.servicemap.feedback;

import cn.servicemap.gis.stations.StationStatus;
import cn.servicemap.stations.ConfirmationRepository;
import cn.servicemap.stations.ServicePoint;
import cn.servicemap.stations.StationService;
import cn.servicemap.system.ConflictException;
import cn.servicemap.system.TooManyRequestsException;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A worker's "it's here and open" (确认开放) from a station's page: counted once per device and station in
 * {@value #REPEAT_HOURS} hours (a repeat is answered, not counted), at most {@value #PER_HOUR} stations an hour from one
 * device (then 429) — enough for a worker on a round, too little to make a station look alive from a script. A closed
 * station cannot be confirmed: that is a problem report.
 */
@Service
public class Confirmations {

    static final int REPEAT_HOURS = 6;
    static final int PER_HOUR = 20;

    @Schema(description = "A worker's confirmation (确认开放)")
    public record Confirmed(long stationId, @Schema(description = "false: this device confirmed the station within 6 hours; not counted again")
                     boolean counted, OffsetDateTime confirmedAt,
                     @Schema(description = "Confirmations of the station in the last 30 days") int lastThirtyDays, String message) {
    }

    private final ConfirmationRepository confirmations;
    private final StationService stations;
    private final Clock clock;

    Confirmations(ConfirmationRepository confirmations, StationService stations, Clock clock) {
        this.confirmations = confirmations;
        this.stations = stations;
        this.clock = clock;
    }

    @Transactional
    Confirmed confirm(long stationId, String clientKey) {
        ServicePoint p = stations.get(stationId);
        if (p.status() == StationStatus.CLOSED) {
            throw new ConflictException(HttpStatus.CONFLICT, "status", "该站点已登记为关闭；如它仍在开放，请用“报告问题”告诉我们 (the station is "
                    + "registered as closed; report a problem instead)");
        }
        OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
        boolean repeat = confirmations.confirmedSince(stationId, clientKey, now.minusHours(REPEAT_HOURS));
        if (!repeat) {
            if (confirmations.countSince(clientKey, now.minusHours(1)) >= PER_HOUR) {
                throw new TooManyRequestsException("确认过于频繁，请稍后再试 (too many confirmations from this device; try again later)", 3600);
            }
            confirmations.insert(stationId, clientKey, now);
        }
        int recent = confirmations.countForStation(stationId, now.minusDays(30));
        return new Confirmed(stationId, !repeat, now, recent, repeat ? "你在 " + REPEAT_HOURS + " 小时内已确认过这个站点，谢谢！"
                : "谢谢！已记录：" + p.name() + " 此刻开放。");
    }
}
