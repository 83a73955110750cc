package cn.servicemap.photos;

import cn.servicemap.feedback.Moderation;
import cn.servicemap.system.FieldError;
import cn.servicemap.system.InvalidRequestException;
import cn.servicemap.system.ServiceMapProperties;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Station photos (驿站照片): upload or propose (补充照片), the moderation queue, approve, reject, delete, and the images
 * themselves — served with the id's immutable content cached for a year (pending ones privately, to their editors only).
 */
@RestController
class PhotoController {

    @Schema(description = "Photos, entrance first, newest first")
    record Photos(List<Photo> photos) {
    }

    @Schema(description = "Why a photo is rejected or deleted (kept in the audit)")
    record Review(@Schema(nullable = true) String reason) {
    }

    private static final CacheControl PUBLIC = CacheControl.maxAge(365, TimeUnit.DAYS).cachePublic().immutable();
    private static final CacheControl PRIVATE = CacheControl.noCache().cachePrivate();
    private static final LocalDate EARLIEST = LocalDate.of(1990, 1, 1);

    private final PhotoService photos;
    private final PhotoImages images;
    private final Clock clock;

    PhotoController(PhotoService photos, ServiceMapProperties properties, Clock clock) {
        this.photos = photos;
        this.images = new PhotoImages(properties.photos());
        this.clock = clock;
    }

    @Operation(summary = "Add a photo to a station (上传照片), or propose one (补充照片)",
            description = "multipart: file (JPEG, PNG or WebP, recognised by its content; at most servicemap.photos.max-file-size and "
                    + "max-pixels / max-side-in-pixels as its header declares them), kind ENTRANCE (入口) or INSIDE (内部), takenAt (the date "
                    + "taken, yyyy-MM-dd; default: the photo's EXIF date). The image is decoded, turned upright, stripped of EXIF (location "
                    + "included) and kept as JPEG with a thumbnail. A user who may edit the station adds it (201, APPROVED); nobody signed "
                    + "in, or proposal=true, proposes it (201, PENDING: shown once an editor approves it; 429 after "
                    + "servicemap.photos.proposals-per-hour from one device). Every refusal of the file is a 400 naming the field file: "
                    + "EMPTY, TOO_LARGE, NOT_AN_IMAGE, TOO_MANY_PIXELS, TRUNCATED, DAMAGED.")
    @PostMapping(value = "/api/stations/{id}/photos", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Photo> upload(@PathVariable long id, @RequestPart("file") MultipartFile file,
                                 @Parameter(description = "ENTRANCE (入口) or INSIDE (内部)") @RequestParam(required = false) String kind,
                                 @Parameter(description = "The date taken, yyyy-MM-dd (default: from the photo's EXIF)")
                                 @RequestParam(required = false) String takenAt,
                                 @Parameter(description = "Propose it for moderation even when signed in")
                                 @RequestParam(defaultValue = "false") boolean proposal,
                                 HttpServletRequest request) throws IOException {
        LocalDate today = LocalDate.now(clock);
        List<FieldError> errors = new ArrayList<>();
        PhotoKind photoKind = PhotoKind.parse(kind).orElse(null);
        if (photoKind == null) {
            errors.add(new FieldError("kind", "照片类型应为 ENTRANCE（入口）或 INSIDE（内部）(kind must be ENTRANCE or INSIDE)",
                    kind == null || kind.isBlank() ? "MISSING_VALUE" : "BAD_KIND"));
        }
        LocalDate taken = takenAt(takenAt, today, errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        PhotoService.Permit permit = photos.permit(id, proposal,
                Moderation.clientKey(request.getRemoteAddr(), String.valueOf(request.getHeader("User-Agent"))));
        images.checkSize(file.getSize()); // before the bytes are read into memory
        PhotoImages.Processed image = images.process(file.getBytes(), today);
        Photo photo = photos.add(permit, photoKind, taken != null ? taken : image.takenAt(), image);
        return ResponseEntity.created(URI.create(photo.url())).body(photo);
    }

    @Operation(summary = "A station's photos (驿站照片): the approved ones, entrance first, newest first")
    @GetMapping("/api/stations/{id}/photos")
    Photos ofStation(@PathVariable long id) {
        return new Photos(photos.ofStation(id));
    }

    @Operation(summary = "Photos to moderate (待审核照片): those of the stations you may edit, newest first",
            description = "status: PENDING (default; workers' proposals) or APPROVED")
    @GetMapping("/api/photos")
    Photos queue(@RequestParam(required = false) String status) {
        String s = status == null || status.isBlank() ? PhotoService.PENDING : status.trim().toUpperCase(Locale.ROOT);
        if (!s.equals(PhotoService.PENDING) && !s.equals(PhotoService.APPROVED)) {
            throw new InvalidRequestException("status", "status 应为 PENDING 或 APPROVED (status must be PENDING or APPROVED)");
        }
        return new Photos(photos.queue(s));
    }

    @Operation(summary = "Approve a proposed photo (通过): it shows on the station from now on")
    @PostMapping("/api/photos/{id}/approve")
    Photo approve(@PathVariable long id) {
        return photos.approve(id);
    }

    @Operation(summary = "Reject a proposed photo (不采用): it is deleted; the audit keeps its facts and the reason")
    @PostMapping("/api/photos/{id}/reject")
    ResponseEntity<Void> reject(@PathVariable long id, @RequestBody(required = false) Review body) {
        photos.reject(id, reason(body == null ? null : body.reason()));
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Delete a photo (删除照片), approved or pending")
    @DeleteMapping("/api/photos/{id}")
    ResponseEntity<Void> delete(@PathVariable long id, @RequestParam(required = false) String reason) {
        photos.delete(id, reason(reason));
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "A photo's image (JPEG, no EXIF)", description = "Cache-Control: public, max-age=31536000, immutable, with an "
            + "ETag (an id's image never changes); a pending photo only to its station's editors, privately")
    @GetMapping(value = "/api/photos/{id}.jpg", produces = MediaType.IMAGE_JPEG_VALUE)
    ResponseEntity<byte[]> image(@PathVariable long id) {
        return serve(photos.image(id, false), "");
    }

    @Operation(summary = "A photo's thumbnail (JPEG, at most servicemap.photos.thumbnail-side-in-pixels on its longest side)")
    @GetMapping(value = "/api/photos/{id}/thumb.jpg", produces = MediaType.IMAGE_JPEG_VALUE)
    ResponseEntity<byte[]> thumbnail(@PathVariable long id) {
        return serve(photos.image(id, true), "-thumb");
    }

    /** The bytes with their ETag and caching; an If-None-Match with the ETag is answered 304 by Spring MVC itself. */
    private static ResponseEntity<byte[]> serve(PhotoService.Image image, String variant) {
        return ResponseEntity.ok().contentType(MediaType.IMAGE_JPEG).eTag("\"photo-" + image.id() + variant + "\"")
                .cacheControl(image.pending() ? PRIVATE : PUBLIC).body(image.bytes());
    }

    /** The uploader's date taken: yyyy-MM-dd, not before 1990, not after today; null when not given. */
    private static LocalDate takenAt(String value, LocalDate today, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            LocalDate d = LocalDate.parse(value.trim());
            if (d.isBefore(EARLIEST) || d.isAfter(today)) {
                errors.add(new FieldError("takenAt", "拍摄日期应在 1990-01-01 与今天之间 (takenAt must be between 1990-01-01 and today)",
                        "OUT_OF_RANGE"));
                return null;
            }
            return d;
        } catch (DateTimeParseException e) {
            errors.add(new FieldError("takenAt", "拍摄日期应写作 yyyy-MM-dd，如 2026-05-01 (takenAt must be a date such as 2026-05-01)",
                    "BAD_DATE"));
            return null;
        }
    }

    /** A reason, trimmed, at most 500 characters (null for none). */
    private static String reason(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        if (v.length() > 500) {
            throw new InvalidRequestException(List.of(new FieldError("reason", "最多 500 个字符 (at most 500 characters)", "TOO_LONG")));
        }
        return v;
    }
}
