package cn.servicemap.system;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings under {@code servicemap.*}.
 *
 * @param dataDir  the shared real data (OSM extract, DataV boundaries, census); blank = look for ../shared/data
 * @param demo     whether to load a demo region into an empty database on start
 * @param timeZone the zone "open now" is judged in
 * @param network  the road network and coverage settings
 * @param regionsDir where uploaded region files (OSM extract, boundaries, census) are kept, one folder per region
 * @param security   users: the first administrator, the local demo login, lockout
 * @param instanceName the name of this instance among several on one database (its jobs are stored under it); the same
 *                     after a restart, different for each instance; blank = host name and server port
 * @param publicUrl    the address workers reach this instance at, e.g. https://yizhan.example.org — what a station sign's
 *                     QR code links to; blank = the address the request that makes the sign came to
 * @param photos     station photos: where they are kept and the limits an upload must keep within
 */
@ConfigurationProperties("servicemap")
public record ServiceMapProperties(String dataDir, @DefaultValue Demo demo, @DefaultValue("Asia/Shanghai") String timeZone,
                                   @DefaultValue Network network, @DefaultValue("data/regions") String regionsDir,
                                   @DefaultValue Security security, String instanceName, String publicUrl, @DefaultValue Photos photos) {

    /**
     * @param adminUsername   the first administrator, created on start when no user exists yet (with adminPassword)
     * @param adminPassword   its password (at least 12 characters); never a default — leave both empty to create the
     *                        first administrator with the {@code user add} command instead
     * @param demoLogin       requests from this machine (loopback) without a login act as the demo planner
     *                        (演示规划员) — for the embedded demo only; never in production
     * @param maxFailedLogins failed logins in a row before the account is locked
     * @param lockoutMinutes  how long a locked account stays locked
     */
    public record Security(String adminUsername, String adminPassword, @DefaultValue("false") boolean demoLogin,
                           @DefaultValue("5") int maxFailedLogins, @DefaultValue("15") int lockoutMinutes) {
    }

    public record Demo(@DefaultValue("true") boolean enabled) {
    }

    /**
     * @param storage              DATABASE (the default: the images in the database, nothing else to back up) or DISK (files
     *                             under {@code dir}; with several instances, storage every instance reads)
     * @param dir                  where DISK keeps the images, one folder per thousand photos
     * @param maxFileSize          the largest upload taken (keep it below spring.servlet.multipart.max-file-size, so that
     *                             the app itself answers a larger one with a problem detail)
     * @param maxPixels            the most pixels (width × height) an image may declare; checked before it is decoded
     * @param maxSideInPixels      the longest side an image may declare; checked before it is decoded
     * @param storedSideInPixels   the stored image's longest side at most (larger photos are scaled down once)
     * @param thumbnailSideInPixels the thumbnail's longest side
     * @param proposalsPerHour     photos a device may propose in an hour without signing in
     * @param decodingAtOnce       images decoded at the same time at most (each can take ~100 MB of heap)
     */
    public record Photos(@DefaultValue("DATABASE") Storage storage, @DefaultValue("data/photos") String dir,
                         @DefaultValue("10MB") DataSize maxFileSize, @DefaultValue("40000000") long maxPixels,
                         @DefaultValue("8000") int maxSideInPixels, @DefaultValue("2560") int storedSideInPixels,
                         @DefaultValue("320") int thumbnailSideInPixels, @DefaultValue("20") int proposalsPerHour,
                         @DefaultValue("2") int decodingAtOnce) {

        /** Where photos are kept. */
        public enum Storage {
            DATABASE, DISK
        }
    }

    /**
     * @param cacheDir               where imported road graphs are cached, one folder per region
     * @param profiles               travel profiles to import (WALK, EBIKE, CAR)
     * @param stationSnapInMeters    a station farther than this from any street is flagged and not used
     * @param querySnapInMeters      a worker's position farther than this from any street gets a clear error
     * @param maxOffRoadInMeters     a home farther than this from any street counts as far from any road
     * @param searchLimitInMinutes   travel times are searched up to this (for the mean and 90th percentile)
     * @param bandsInMinutes         default service-area bands
     * @param populationCellInMeters population surface cell size
     * @param warmUp                 load the network in the background right after start-up (else on first use)
     * @param memoryBudgetMb         loaded regions are kept least-recently-used within this estimate (MB; 0 keeps only the last loaded)
     */
    public record Network(@DefaultValue("data/network") String cacheDir,
                          @DefaultValue({"WALK", "EBIKE", "CAR"}) List<String> profiles,
                          @DefaultValue("300") double stationSnapInMeters, @DefaultValue("500") double querySnapInMeters,
                          @DefaultValue("200") double maxOffRoadInMeters, @DefaultValue("30") int searchLimitInMinutes,
                          @DefaultValue({"5", "10", "15"}) List<Integer> bandsInMinutes,
                          @DefaultValue("100") double populationCellInMeters, @DefaultValue("true") boolean warmUp,
                          @DefaultValue("2048") long memoryBudgetMb) {
    }
}
