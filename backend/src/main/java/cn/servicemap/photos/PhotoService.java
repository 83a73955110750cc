package cn.servicemap.photos;

import cn.servicemap.districts.DistrictRepository;
import cn.servicemap.security.Access;
import cn.servicemap.stations.ServicePoint;
import cn.servicemap.stations.StationService;
import cn.servicemap.system.AuditLog;
import cn.servicemap.system.ConflictException;
import cn.servicemap.system.NotFoundException;
import cn.servicemap.system.ServiceMapProperties;
import cn.servicemap.system.ServiceUnavailableException;
import cn.servicemap.system.TooManyRequestsException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Station photos from upload to display. An editor who may edit the station (its district editor, its region's planners,
 * an admin) adds a photo that shows at once; anyone else — a worker, not signed in — proposes one (补充照片): kept
 * PENDING, shown only to the station's editors until one approves it, deleted when one rejects it. A device may propose
 * {@code proposalsPerHour} photos an hour. The images are kept in the database or on disk ({@code servicemap.photos.storage});
 * each photo records where, so changing the setting leaves the earlier ones readable. Every change is audited
 * ({@link AuditLog.Entity#PHOTO}, with the station's region).
 */
@Service
public class PhotoService {

    private static final Logger log = LoggerFactory.getLogger(PhotoService.class);
    static final String PENDING = "PENDING";
    static final String APPROVED = "APPROVED";

    /**
     * What {@link #permit} allowed: a photo for this station, shown at once or pending, by whom. Only this package makes
     * one, after the checks.
     */
    record Permit(long stationId, String adcode, boolean pending, String actor, String clientKey) {
    }

    /** An image's bytes and whether it is still pending (then it must not be cached publicly). */
    record Image(long id, boolean pending, byte[] bytes) {
    }

    private final PhotoRepository repository;
    private final StationService stations;
    private final DistrictRepository districts;
    private final Access access;
    private final AuditLog audit;
    private final Clock clock;
    private final ServiceMapProperties.Photos settings;
    private final PhotoFiles files;

    PhotoService(PhotoRepository repository, StationService stations, DistrictRepository districts, Access access, AuditLog audit,
                 Clock clock, ServiceMapProperties properties) {
        this.repository = repository;
        this.stations = stations;
        this.districts = districts;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
        this.settings = properties.photos();
        this.files = new PhotoFiles(Path.of(settings.dir()));
    }

    /**
     * Who may add a photo to the station, checked before its file is decoded: a signed-in user adds one (403 unless they
     * may edit the station) unless they ask to propose it; nobody signed in proposes one, within the per-device limit
     * (429).
     *
     * @param proposal  propose it for moderation even when signed in (the worker page's 补充照片)
     * @param clientKey the device, as {@code Moderation.clientKey} hashes it
     */
    @Transactional(readOnly = true)
    Permit permit(long stationId, boolean proposal, String clientKey) {
        ServicePoint station = stations.get(stationId);
        boolean signedIn = access.current().isPresent();
        if (signedIn && !proposal) {
            access.requireStationEdit("id", station.adcode());
            return new Permit(stationId, station.adcode(), false, access.actor(), null);
        }
        if (!signedIn) {
            OffsetDateTime now = now();
            PhotoRepository.Proposals recent = repository.proposalsSince(clientKey, now.minusHours(1));
            if (recent.count() >= settings.proposalsPerHour()) {
                long wait = recent.first() == null ? 3600
                        : Math.max(60, Duration.between(now, recent.first().plusHours(1)).getSeconds());
                throw new TooManyRequestsException("照片提交过于频繁，请稍后再试 (too many photos from this device; try again later)",
                        (int) Math.min(3600, wait));
            }
        }
        return new Permit(stationId, station.adcode(), true, access.actor(), signedIn ? null : clientKey);
    }

    /**
     * Stores a checked photo under a permit: its image and thumbnail where the settings say, audited as ADD (shown at
     * once) or PROPOSE (pending).
     *
     * @param takenAt the date taken: the uploader's, else the image's EXIF date, else null
     */
    @Transactional
    Photo add(Permit permit, PhotoKind kind, LocalDate takenAt, PhotoImages.Processed image) {
        boolean onDisk = settings.storage() == ServiceMapProperties.Photos.Storage.DISK;
        long id = repository.insert(new PhotoRepository.NewPhoto(permit.stationId(), kind, permit.pending() ? PENDING : APPROVED,
                settings.storage().name(), image, !onDisk, takenAt, now(), permit.actor(), permit.pending(), permit.clientKey()));
        if (onDisk) {
            afterRollback(() -> files.delete(id)); // a photo whose row is not committed leaves no file
            try {
                files.write(id, image.image(), image.thumbnail());
            } catch (IOException e) {
                log.error("Photo {} could not be written under {}: {}. Check that the folder exists, is writable and has room.", id,
                        settings.dir(), e.toString());
                throw new ServiceUnavailableException("照片无法保存：存储不可用，请稍后再试 (the photo could not be stored; try again later)", e);
            }
        }
        Photo photo = stored(id).toPhoto();
        record(photo, permit.adcode(), permit.pending() ? "PROPOSE" : "ADD", permit.actor(), null, photo);
        return photo;
    }

    /** A station's approved photos, entrance first, newest first (404 for no such station). */
    @Transactional(readOnly = true)
    public List<Photo> ofStation(long stationId) {
        stations.get(stationId);
        return repository.ofStation(stationId, APPROVED).stream().map(PhotoRepository.Stored::toPhoto).toList();
    }

    /** The photos of one status of the stations the signed-in user may edit, newest first (the moderation queue). */
    @Transactional(readOnly = true)
    List<Photo> queue(String status) {
        Map<String, Boolean> mayEdit = new HashMap<>(); // one check per district, not per photo
        List<Photo> mine = new ArrayList<>();
        for (PhotoRepository.Stored p : repository.withStatus(status)) {
            if (mayEdit.computeIfAbsent(String.valueOf(p.adcode()), k -> access.mayEditStation(p.adcode()))) {
                mine.add(p.toPhoto());
            }
        }
        return mine;
    }

    /** Approves a worker's proposal: it shows from now on (409 when it is not pending). */
    @Transactional
    Photo approve(long id) {
        PhotoRepository.Stored p = editable(id);
        if (!p.pending() || !repository.approve(id, access.actor(), now())) {
            throw new ConflictException(HttpStatus.CONFLICT, "status", "该照片已审核 (photo " + id + " is not pending)");
        }
        Photo approved = stored(id).toPhoto();
        record(approved, p.adcode(), "APPROVE", access.actor(), p.toPhoto(), approved);
        return approved;
    }

    /** Rejects a worker's proposal: it is deleted, its facts kept in the audit (409 when it is not pending). */
    @Transactional
    void reject(long id, String reason) {
        PhotoRepository.Stored p = editable(id);
        if (!p.pending()) {
            throw new ConflictException(HttpStatus.CONFLICT, "status", "该照片已审核 (photo " + id + " is not pending)");
        }
        remove(p, "REJECT", reason);
    }

    /** Deletes a photo, approved or pending. */
    @Transactional
    void delete(long id, String reason) {
        remove(editable(id), "DELETE", reason);
    }

    /**
     * An image or its thumbnail: an approved photo's for anyone, a pending one's only for those who may edit its
     * station (404 for anyone else, as if it did not exist).
     */
    @Transactional(readOnly = true)
    Image image(long id, boolean thumbnail) {
        PhotoRepository.Image i = repository.image(id, thumbnail).orElseThrow(() -> notFound(id));
        boolean pending = PENDING.equals(i.status());
        if (pending && !access.mayEditStation(i.adcode())) {
            throw notFound(id);
        }
        byte[] bytes = i.bytes();
        if (bytes == null) {
            bytes = files.read(id, thumbnail).orElseThrow(() -> {
                log.warn("Photo {}'s file {} is missing; answered 404.", id, files.path(id, thumbnail));
                return notFound(id);
            });
        }
        return new Image(id, pending, bytes);
    }

    /**
     * The approved photos of each station, for its GeoJSON properties: every id asked for is a key (an empty list for a
     * station without photos); each list entrance first, then the newest. One query for all ids.
     */
    @Transactional(readOnly = true)
    public Map<Long, List<PhotoRef>> refs(Collection<Long> stationIds) {
        Map<Long, List<PhotoRef>> out = new LinkedHashMap<>();
        for (Long id : stationIds) {
            out.put(id, new ArrayList<>());
        }
        if (out.isEmpty()) {
            return out;
        }
        for (Map.Entry<Long, PhotoRef> e : repository.approvedRefs(out.keySet())) {
            List<PhotoRef> list = out.get(e.getKey());
            if (list != null) {
                list.add(e.getValue());
            }
        }
        return out;
    }

    private void remove(PhotoRepository.Stored p, String action, String reason) {
        if (!repository.delete(p.id())) {
            throw notFound(p.id());
        }
        if ("DISK".equals(p.storage())) {
            afterCommit(() -> files.delete(p.id()));
        }
        record(p.toPhoto(), p.adcode(), action, access.actor(), p.toPhoto(), reason == null ? null : new Removal(reason));
    }

    /** Why a photo was removed, as the audit's after-state. */
    record Removal(String reason) {
    }

    /** A photo the signed-in user may moderate (403 otherwise; 404 for none). */
    private PhotoRepository.Stored editable(long id) {
        PhotoRepository.Stored p = stored(id);
        access.requireStationEdit("id", p.adcode());
        return p;
    }

    private PhotoRepository.Stored stored(long id) {
        return repository.find(id).orElseThrow(() -> notFound(id));
    }

    private void record(Photo photo, String adcode, String action, String actor, Object before, Object after) {
        String region = adcode == null ? null : districts.regionOf(adcode).orElse(null);
        audit.record(AuditLog.Entity.PHOTO, String.valueOf(photo.id()), action, actor, region, before, after);
    }

    private static NotFoundException notFound(long id) {
        return new NotFoundException("没有编号为 " + id + " 的照片 (no photo " + id + ")");
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    private static void afterRollback(Runnable action) {
        onCompletion(TransactionSynchronization.STATUS_ROLLED_BACK, action);
    }

    private static void afterCommit(Runnable action) {
        onCompletion(TransactionSynchronization.STATUS_COMMITTED, action);
    }

    /** Runs a file clean-up when the transaction ends as {@code status} (at once outside a transaction). */
    private static void onCompletion(int status, Runnable action) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            if (status == TransactionSynchronization.STATUS_COMMITTED) {
                action.run();
            }
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int outcome) {
                if (outcome == status) {
                    try {
                        action.run();
                    } catch (UncheckedIOException e) {
                        log.warn("A photo file could not be deleted: {}", e.getMessage());
                    }
                }
            }
        });
    }
}
